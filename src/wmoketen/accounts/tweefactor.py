"""Two-factor authentication with a TOTP authenticator app (django-otp)."""

import io

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from wmoketen.audit import services as audit


def heeft_apparaat(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def apparaat_voor_instellen(user) -> TOTPDevice:
    """The user's unconfirmed device, created on first use."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Authenticator-app"}
    )
    return device


def qr_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def verifieer(request, token: str) -> bool:
    """Check ``token`` against the user's device; on success mark the session verified."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    nieuw = device is None
    if nieuw:
        device = apparaat_voor_instellen(user)
    if not device.verify_token(token):
        return False
    if nieuw:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.log(user, "tweefactor.ingesteld", user)
    otp_login(request, device)
    return True
