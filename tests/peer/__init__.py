"""On-premises peer configurations, proven against real strongSwan daemons (see ``lab.py``)."""
