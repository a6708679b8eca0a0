//! The money parser: never panics, never returns a negative amount, and an amount it returns
//! reads back as the same value.
#![no_main]

use docket_fuzz::Options;
use docket_normalize::money::{parse_currency, parse_money};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (options, bytes) = Options::split(data);
    let text = String::from_utf8_lossy(bytes);
    let hint = match options.variant {
        0 => None,
        1 => Some("EUR"),
        2 => Some("USD"),
        _ => Some("CNY"),
    };
    let _ = parse_currency(&text);
    if let Ok(Some(money)) = parse_money(&text, hint) {
        assert!(
            !money.value.is_sign_negative(),
            "{text:?} -> {}",
            money.value
        );
        let printed = money.value.to_string();
        let digits = printed.bytes().filter(u8::is_ascii_digit).count();
        if digits <= 28 {
            // printed with a dot as the decimal mark: read back with a dot-decimal currency
            let again = parse_money(&printed, Some("USD"));
            assert_eq!(
                again.map(|m| m.map(|m| m.value)),
                Ok(Some(money.value)),
                "{text:?} -> {printed:?}"
            );
        }
    }
});
