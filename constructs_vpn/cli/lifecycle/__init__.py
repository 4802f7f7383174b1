"""``deploy``, ``diff``, ``destroy`` and ``output`` without Node: the cdktf CLI's lifecycle commands, run on the
real ``terraform`` binary in each stack's folder of ``cdktf.out``, in the stacks' dependency order.

- :mod:`.selection` picks the stacks (names and globs, as cdktf) and checks their dependencies are included;
- :mod:`.terraform` runs init, plan, show, apply and output for one stack, logging everything to a file;
- :mod:`.scheduler` runs stacks in parallel once their dependencies are done, stopping the dependants of a
  stack that failed and forwarding Ctrl-C to the terraform processes;
- :mod:`.commands` declares the subcommands.
"""
