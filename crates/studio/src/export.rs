//! The policy as JSON, the form `policy-src` takes: the TOML read as plain data, exactly as
//! `probity bundle` turns a policy file into JSON (same fields, same values).

/// The JSON text, or why the TOML cannot be read.
pub fn policy_json(text: &str) -> Result<String, String> {
    let value: serde_json::Value =
        toml::from_str(text).map_err(|e| format!("the policy cannot be read: {}", e.message().trim()))?;
    serde_json::to_string_pretty(&value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use probity_core::raw::{parse_policy, Format};

    #[test]
    fn the_json_reads_back_as_the_same_policy() {
        let kent = include_str!("../../../policies/kent.toml");
        let json = super::policy_json(kent).expect("converts");
        let from_toml = parse_policy(kent, Format::Toml).expect("toml");
        let from_json = parse_policy(&json, Format::Json).expect("json");
        assert_eq!(serde_json::to_value(&from_toml).expect("value"), serde_json::to_value(&from_json).expect("value"));
    }

    #[test]
    fn unreadable_toml_says_so() {
        let e = super::policy_json("[policy").expect_err("broken");
        assert!(e.starts_with("the policy cannot be read"), "{e}");
    }
}
