"""Pass+'s own check for schemathesis, loaded through SCHEMATHESIS_HOOKS by `cargo xtask test`
and `cargo xtask fuzz`.

schemathesis' `positive_data_acceptance` is told to let a 422 through (schemathesis.toml); this
check narrows that: a request the document says is valid may be refused 422 only with codes the
operation's 422 lists in `x-beyond-schema` (the rules a schema cannot express: a name's letters,
a UAI's check letter, an age on a date, a guessable password). Any other code means the
document and the server disagree.
"""

import schemathesis

EXTENSION = "x-beyond-schema"


def _codes(body):
    """Every rule code of a `FieldErrors` answer: {"fields": {"email": ["email_empty"], ...}}."""
    fields = body.get("fields", {}) if isinstance(body, dict) else {}
    return {code for codes in fields.values() for code in codes}


@schemathesis.check
def refused_only_beyond_schema(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return None
    answer = case.operation.definition.raw.get("responses", {}).get("422", {})
    allowed = set(answer.get(EXTENSION, []))
    unexpected = _codes(response.json()) - allowed
    if unexpected:
        raise AssertionError(
            "A request valid for the document was refused for a rule the document states: "
            + ", ".join(sorted(unexpected))
            + (f" (beyond the schema here: {', '.join(sorted(allowed))})" if allowed else "")
        )
    return None
