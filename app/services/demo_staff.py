"""The demo database's team and mailbox: placeholder staff (the demo cases' handlers, their
reviewer and manager) and the privacy mailbox the demo mail is addressed to (an RFC 2606 example
domain)."""

from app.models.enums import StaffRole

HANDLERS = ("li.wei", "wang.fang", "a.smith")
REVIEWER = "chen.jing"
MANAGER = "zhao.lei"
PRIVACY_MAILBOX = "privacy@example.com"
# The demo's Settings › Staff and roles, the manager first (the first member sets up the team):
# (user name, display name, role). Cases are assigned only to active staff.
STAFF = (
    (MANAGER, "赵磊 Zhao Lei", StaffRole.MANAGER),
    (REVIEWER, "陈静 Chen Jing", StaffRole.REVIEWER),
    ("li.wei", "李伟 Li Wei", StaffRole.HANDLER),
    ("wang.fang", "王芳 Wang Fang", StaffRole.HANDLER),
    ("a.smith", "Alice Smith", StaffRole.HANDLER),
)
