//! `docket explain` and `docket catalogue unresolved`: read-only views of a SQLite export.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

fn open(db: &Path) -> Result<Connection, String> {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| format!("{}: {e}", db.display()))
}

/// Prints an event and every source sentence behind it.
pub fn explain(db: &Path, id: &str) -> Result<(), String> {
    let connection = open(db)?;
    let sql = |e: rusqlite::Error| format!("{}: {e}", db.display());
    let mut ids: Vec<String> = connection
        .prepare("SELECT id FROM events WHERE id = ?1 OR id LIKE ?1 || '%' ORDER BY id LIMIT 3")
        .map_err(sql)?
        .query_map([id], |row| row.get(0))
        .map_err(sql)?
        .collect::<Result<_, _>>()
        .map_err(sql)?;
    let id = match ids.len() {
        0 => return Err(format!("no event {id:?} in {}", db.display())),
        1 => ids.remove(0),
        _ if ids.iter().any(|i| i == id) => id.to_string(),
        _ => {
            return Err(format!(
                "{id:?} is the prefix of several events: {}",
                ids.join(", ")
            ))
        }
    };
    let json: Option<String> = connection
        .query_row("SELECT json FROM events WHERE id = ?1", [&id], |row| {
            row.get(0)
        })
        .optional()
        .map_err(sql)?;
    let json = json.ok_or_else(|| format!("no event {id:?}"))?;
    let event: serde_json::Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let text = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
    println!("event     {}", text(&event["id"]));
    println!(
        "action    {} (CAMEO {}, PLOVER {})",
        text(&event["action"]),
        text(&event["cameo"]),
        text(&event["plover"])
    );
    if event["actor"].is_object() {
        println!(
            "actor     {} [{}]",
            text(&event["actor"]["name"]),
            text(&event["actor"]["id"])
        );
    }
    for target in event["targets"].as_array().into_iter().flatten() {
        let parent = target["parent"]
            .as_str()
            .map(|p| format!(", parent {p}"))
            .unwrap_or_default();
        println!(
            "target    {} [{}{parent}]",
            text(&target["name"]),
            text(&target["id"])
        );
    }
    if let Some(count) = event["target_count"].as_u64() {
        println!("count     {count} targets in all");
    }
    if event["date"].is_object() {
        println!(
            "date      {} ({}; text {:?})",
            event["date"]["value"].as_str().unwrap_or("unresolved"),
            event["date"]["precision"].as_str().unwrap_or("-"),
            text(&event["date"]["text"])
        );
    }
    if event["amount"].is_object() {
        println!(
            "amount    {} {} ({}; text {:?})",
            text(&event["amount"]["value"]),
            text(&event["amount"]["currency"]),
            text(&event["amount"]["role"]),
            text(&event["amount"]["text"])
        );
    }
    println!("sources");
    let mut statement = connection
        .prepare("SELECT source, uri, record, span_start, span_end, quote FROM event_sources WHERE event_id = ?1 ORDER BY position")
        .map_err(sql)?;
    let rows = statement
        .query_map([&id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, i64>(2)?,
                row.get::<_, Option<i64>>(3)?,
                row.get::<_, Option<i64>>(4)?,
                row.get::<_, Option<String>>(5)?,
            ))
        })
        .map_err(sql)?;
    for row in rows {
        let (source, uri, record, start, end, quote) = row.map_err(sql)?;
        let span = match (start, end) {
            (Some(s), Some(e)) => format!(" bytes {s}..{e}"),
            _ => String::new(),
        };
        println!("  - {source}: {uri} record {record}{span}");
        if let Some(quote) = quote {
            println!("    \"{quote}\"");
        }
    }
    Ok(())
}

/// Prints every unresolved actor name (authorities and targets) with how often it occurs, as
/// TOML stubs for a user catalogue.
pub fn unresolved(db: &Path) -> Result<(), String> {
    let connection = open(db)?;
    let sql = |e: rusqlite::Error| format!("{}: {e}", db.display());
    let mut statement = connection
        .prepare(
            "SELECT id, name, kind, count(*) AS n FROM (
                 SELECT actor_id AS id, actor_name AS name, actor_kind AS kind FROM events WHERE actor_id LIKE 'x:%'
                 UNION ALL
                 SELECT actor_id, name, kind FROM event_targets WHERE actor_id LIKE 'x:%')
             GROUP BY id ORDER BY n DESC, id",
        )
        .map_err(sql)?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
            ))
        })
        .map_err(sql)?;
    let mut count = 0;
    println!(
        "# unresolved names in {}: add the ones you want to your catalogue file",
        db.display()
    );
    for row in rows {
        let (id, name, kind, n) = row.map_err(sql)?;
        count += 1;
        println!("\n# {n} mention(s)");
        println!("[[actor]]");
        println!("id = {:?}", id.trim_start_matches("x:"));
        println!("name = {name:?}");
        println!("kind = {kind:?}");
    }
    println!("\n# {count} unresolved name(s)");
    Ok(())
}
