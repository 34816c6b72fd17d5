//! `suggest`: the agencies a complaint most likely belongs to, and `suggest --evaluate`,
//! the suggester measured on the cache (`spec/cli.md` fixes the JSON shapes).

use super::Env;
use crate::store::{Evaluation, Suggested};
use crate::text;
use color_eyre::eyre::{Result, eyre};
use serde_json::{Value, json};

/// A fraction with four decimals, as the contract writes it.
fn four(x: f64) -> Value {
    json!((x * 10_000.0).round() / 10_000.0)
}

fn suggestion_json(env: &Env, s: &Suggested) -> Value {
    let lang = env.cfg.language;
    json!({
        "id": s.id,
        "agency": s.agency.as_str(),
        "misrouted": s.misrouted,
        "suggestions": s.suggestions.iter().map(|g| json!({
            "agency": g.agency.as_str(),
            "name": g.name,
            "score": four(g.score),
            "reason": lang.route_reason(&g.reason, &g.name),
        })).collect::<Vec<_>>(),
    })
}

/// `suggest ID...`: refuses (nothing printed) if any id is unknown.
pub fn suggest(env: &Env, ids: &[String], as_json: bool) -> Result<()> {
    let mut all = Vec::with_capacity(ids.len());
    for id in ids {
        let s = env
            .store
            .suggest(id)?
            .ok_or_else(|| eyre!("unknown complaint {}", text::line(id)))?;
        all.push(s);
    }
    if as_json {
        let rows: Vec<Value> = all.iter().map(|s| suggestion_json(env, s)).collect();
        outln!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    let lang = env.cfg.language;
    for s in &all {
        outln!(
            "{}",
            lang.cli_suggest_head(
                &text::line(&s.id),
                &text::line(s.agency.as_str()),
                s.misrouted
            )
        );
        for g in &s.suggestions {
            outln!(
                "  {:<20} {:.2}  {}",
                text::line(g.agency.as_str()),
                g.score,
                text::line(&lang.route_reason(&g.reason, &g.name))
            );
        }
        if s.suggestions.is_empty() {
            outln!("{}", lang.cli_suggest_none());
        }
    }
    Ok(())
}

/// `suggest --evaluate`.
pub fn evaluate(env: &Env, as_json: bool) -> Result<()> {
    let e: Evaluation = env.store.evaluate_routing()?;
    if as_json {
        let v = json!({
            "complaints": e.complaints,
            "top1": four(e.top1),
            "top3": four(e.top3),
            "misrouted_precision": four(e.misrouted_precision),
            "misrouted_recall": four(e.misrouted_recall),
            "misrouted": e.misrouted,
            "marked": e.marked,
            "curve": e.curve.iter().map(|m| json!({
                "threshold": m.threshold,
                "precision": four(m.precision),
                "recall": four(m.recall),
            })).collect::<Vec<_>>(),
            "misses": e.misses.iter().map(|m| json!({
                "id": m.id, "agency": m.agency, "suggested": m.suggested,
            })).collect::<Vec<_>>(),
        });
        outln!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    let lang = env.cfg.language;
    outln!("{}", lang.cli_evaluation(&e));
    for m in &e.curve {
        outln!(
            "{}",
            lang.cli_evaluation_at(m.threshold, m.precision, m.recall)
        );
    }
    Ok(())
}
