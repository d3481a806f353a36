"""Who sees the message traffic: it carries client data, so only the roles that work with it.

The gemeente's backoffice (it sends the 301 and receives the 305/307/323), the aanbieder's
staff and the functioneel beheerder; not the toegang or the contract manager.
"""

from wmoketen.accounts.constants import Rol

LEZERS = (Rol.BACKOFFICE, Rol.AANBIEDER, Rol.FUNCTIONEEL_BEHEERDER)
