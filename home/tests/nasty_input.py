"""Input that careless code breaks on, shared by every app's tests of odd input."""

# WebSocket frames under the consumers' size limit (2000 bytes) nested as deep as it allows, and a
# valid message nested less deep: a bare array, then arrays and objects as a message's value.
DEEPLY_NESTED_FRAMES = [
    "[" * 990 + "]" * 990,
    '{"type": "vote", "idea": ' + "[" * 980 + "]" * 980 + "}",
    '{"type": "vote", "idea": ' + '{"":' * 390 + "1" + "}" * 390 + "}",
    '{"type": "vote", "idea": [[[[[1]]]]]}',
]
