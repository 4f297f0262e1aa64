// The action-title patterns of `actions.rs`, compiled into DFAs by `build.rs` like the wording
// triggers (see `checks/dfa`). Shared with `build.rs` through `include!`: constants only.

/// (name, pattern); `actions.rs` refers to them by position.
const ACTION_PATTERNS: &[(&str, &str)] = &[
    ("VAGUE_0", r"(?i)\b(?:be\s+(?:more\s+)?(?:careful|vigilant|attentive|diligent)|pay\s+(?:more\s+)?attention|take\s+more\s+care|remember\s+to)\b"),
    ("VAGUE_1", r"(?i)\b(?:double[- ]check|make\s+sure|try\s+to|try\s+harder)\b"),
    ("VAGUE_2", r"(?i)^\s*(?:investigate|look\s+into|research|explore|think\s+about|consider|discuss|revisit)\b"),
    ("VAGUE_3", r"(?i)\b(?:improve|better|more|increase|enhance)\s+(?:our\s+|the\s+)?(?:monitoring|alerting|observability|testing|tests|test\s+coverage|coverage|communication|documentation|docs|processes|process|visibility|awareness|training|resilience|reliability|runbooks)\s*\.?\s*$"),
    ("VAGUE_4", r"(?i)^\s*(?:monitoring|alerting|testing|documentation|communication)\s*\.?\s*$"),
    ("VAGUE_5", r"(?i)^\s*(?:follow\s+up|keep\s+an\s+eye\s+on|monitor\s+the\s+situation)\b"),
    ("CONCRETE", r"(?ix)
        \d |
        \b[A-Z][A-Z0-9]+-\d+\b |
        https?:// |
        (?:^|\b(?:and|then|to|by|or)\s+|[,;:(]\s*)
        (?:add|adds|adding|alert|alerts|alerting\s+on|fix|fixes|fixing|automate|automates|automating|
            block|blocks|reject|rejects|enforce|enforces|remove|removes|migrate|migrates|
            rate[- ]limit|limit|cap|caps|write|writes|create|creates|deploy|deploys|enable|enables|
            disable|disables|set|configure|configures|replace|replaces|upgrade|upgrades|patch|
            publish|page|pages|require|requires|validate|validates|split|move|delete|build|builds|
            implement|implements|introduce|introduces|roll\s+out|document\s+the|dashboard|lint|
            backfill|revert|pin|retire|shard|throttle|timeout|retry\s+budget)\b"),
    ("AT_PERSON_VERB", r"(?i)\b(?:coach|reprimand|discipline|counsel|re-?educate|scold|talk\s+to|talk\s+with|speak\s+to|speak\s+with|have\s+a\s+(?:word|chat|talk|conversation)\s+with)\s+(?:the\s+)?([\p{L}][\p{L}'.-]*)"),
    ("AT_NAME_VERB", r"(?i)\b(?:re-?train|warn|remind|tell|instruct)\s+([\p{L}][\p{L}'.-]*)"),
    ("AT_ROLE", r"(?i)\b(?:remind|tell|instruct|encourage|re-?train|re-?educate|educate|teach|coach|ask|urge|hold|(?:make\s+sure|ensure)(?:\s+that)?)\s+(?:all\s+|the\s+|our\s+|every\s+|each\s+|new\s+)?(?:engineers?|developers?|devs|operators?|on-?call(?:\s+engineers?)?|on-?callers|sres?|staff|people|everyone|everybody|team\s+members?|team|him|her|them|deployers?|reviewers?|responders?|authors?|whoever|employees|admins?|dbas?|hires)\b"),
    ("AT_ROLE_MUST", r"(?i)\b(?:engineers?|developers?|devs|operators?|on-?call(?:\s+engineers?)?|sres?|staff|people|everyone|everybody|team\s+members?|deployers?|reviewers?|responders?)\s+(?:must|should|need\s+to|have\s+to|to)\s+(?:always\s+)?(?:remember|be\s+(?:more\s+)?(?:careful|vigilant|attentive|diligent)|double[- ]check|pay\s+(?:more\s+)?attention|take\s+(?:more\s+)?care|read|follow|check|know)\b"),
    ("EXHORT", r"(?i)\b(?:be\s+(?:more\s+)?(?:careful|vigilant|attentive|diligent|cautious)|pay\s+(?:more\s+)?(?:close\s+)?attention|take\s+(?:more\s+)?care|remember\s+to|try\s+harder|don'?t\s+forget\s+to|never\s+forget\s+to|think\s+twice)\b"),
    ("ACCOUNTABLE", r"(?i)\b(?:hold|make)\s+(?:\S+\s+){1,3}?(?:accountable|responsible)\s*(?:for\b|$)"),
];
