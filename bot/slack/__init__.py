"""Where nudges reach people: the Slack app (Bolt) and, without a Slack token, the terminal."""
