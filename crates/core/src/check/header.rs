//! The `[policy]` header: required fields and the id (L015).

use super::*;

pub(super) fn check_header(h: &RawHeader, r: &mut Reporter) {
    let fields =
        [("id", &h.id), ("council", &h.council), ("title", &h.title), ("version", &h.version), ("source", &h.source)];
    for (name, value) in fields {
        if value.trim().is_empty() {
            r.push(
                Code::L015,
                r.at(None, None, Some("[policy]".into())),
                format!("the header's `{name}` is empty"),
                format!("fill in `{name}` in the [policy] table"),
            );
        }
    }
    if !h.id.trim().is_empty() && !is_slug(&h.id) {
        r.push(
            Code::L015,
            r.at(None, None, Some("[policy]".into())),
            format!("policy id `{}` is not a lower-case slug", h.id),
            "use lower-case letters, digits and hyphens, for example `milton-keynes`",
        );
    }
}
