"""What every app's pages share, below all apps: refusals on forms, the worklist registry,
the start page's blocks. Imports nothing of wmoketen's apps."""
