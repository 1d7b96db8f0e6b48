"""Pure-Python domain: catalogue, search, ticket rules, identity checks. Never imports Qt."""
