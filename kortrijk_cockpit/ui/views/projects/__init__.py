"""The Projecten area: projects, their painted timeline, milestones and links."""
