//! Suppression comments: `<!-- pm-ignore RULE… -->` before a block ignores those rules in that
//! block; `<!-- pm-disable RULE… -->` … `<!-- pm-enable RULE… -->` ignores them in between (to
//! the end of the file when no `pm-enable` follows). A comment naming no rule covers every rule;
//! a name may be a rule ID, a group (`blameless`) or `group/*`. A name that is none of these is
//! itself a finding, `structure/unknown-rule`.

use super::registry::{self, did_you_mean_rule};
use super::RuleId;
use super::{DocContext, Finding};
use crate::document::body::DirectiveKind;
use crate::document::Span;

/// A rule name (empty: every rule) suppressed over a byte range.
struct Suppressed<'a> {
    name: &'a str,
    range: Span,
}

pub(crate) fn apply(cx: &DocContext<'_>, findings: Vec<Finding>) -> Vec<Finding> {
    let directives = &cx.body.directives;
    if directives.is_empty() {
        return findings;
    }
    let mut unknown = Vec::new();
    let mut ranges: Vec<Suppressed<'_>> = Vec::new();
    let mut open: Vec<(&str, usize)> = Vec::new();
    for directive in directives {
        for (name, span) in &directive.rules {
            if !registry::is_known_name(name) {
                let finding = Finding::new(
                    RuleId::StructureUnknownRule,
                    span.clone(),
                    format!("`{name}` is not a rule, so this comment suppresses nothing"),
                );
                unknown.push(match did_you_mean_rule(name) {
                    Some(s) => finding.suggest(format!("did you mean `{s}`?")),
                    None => finding.suggest("`pm check --list-rules` lists the rule IDs"),
                });
            }
        }
        let names: Vec<&str> = if directive.rules.is_empty() {
            vec![""]
        } else {
            directive.rules.iter().map(|(n, _)| n.as_str()).collect()
        };
        match directive.kind {
            DirectiveKind::Ignore => {
                if let Some(target) = &directive.target {
                    for name in names {
                        ranges.push(Suppressed {
                            name,
                            range: target.clone(),
                        });
                    }
                }
            }
            DirectiveKind::Disable => {
                for name in names {
                    open.push((name, directive.span.end));
                }
            }
            DirectiveKind::Enable => {
                let mut still_open = Vec::with_capacity(open.len());
                for (name, start) in open.drain(..) {
                    let ends = names
                        .iter()
                        .any(|n| n.is_empty() || registry::name_covers(n, name));
                    if ends {
                        ranges.push(Suppressed {
                            name,
                            range: start..directive.span.start,
                        });
                    } else {
                        still_open.push((name, start));
                    }
                }
                open = still_open;
            }
        }
    }
    let end = cx.text().len();
    ranges.extend(open.into_iter().map(|(name, start)| Suppressed {
        name,
        range: start..end,
    }));
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            !ranges.iter().any(|s| {
                s.range.contains(&f.span.start)
                    && (s.name.is_empty() || registry::name_covers(s.name, f.rule))
            })
        })
        .collect();
    kept.extend(unknown);
    kept
}
