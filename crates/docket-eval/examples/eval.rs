//! Runs the evaluation: `cargo run -p docket-eval --example eval -- [FIXTURES_DIR] [--details]`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or("fixtures", String::as_str);
    let report = docket_eval::evaluate(std::path::Path::new(dir))?;
    print!("{report}");
    let bbc = report.subset("bbc");
    if bbc.gold > 0 {
        println!(
            "bbc subset: gold {} pred {} strict P {:.2} R {:.2} F1 {:.2}; loose P {:.2} R {:.2} F1 {:.2}",
            bbc.gold,
            bbc.predicted,
            bbc.strict_precision(),
            bbc.strict_recall(),
            bbc.strict_f1(),
            bbc.loose_precision(),
            bbc.loose_recall(),
            bbc.loose_f1()
        );
    }
    if args.iter().any(|a| a == "--details") {
        print!("{}", report.details());
    }
    Ok(())
}
