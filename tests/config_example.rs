//! The shipped `config.example.toml` must stay valid: it documents every key.

use sigap::config::Config;
use std::path::Path;

#[test]
fn example_config_parses() {
    let text = include_str!("../config.example.toml");
    let cfg = Config::parse(text, Path::new("config.example.toml")).expect("example is valid");
    assert_eq!(cfg.officer, "Ahmad Fauzi");
    assert_eq!(cfg.sla.pengaduan_supervisory, 60);
    assert!(cfg.templates.contains_key("terima-kasih"));
    assert!(
        !cfg.calendar()
            .is_working_day("2026-12-24".parse().expect("date"))
    );
    assert_eq!(cfg.agency.len(), 1);
}
