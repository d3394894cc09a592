"""SOAP Autodiscover for the sandbox: where the director's EWS endpoint is (GetUserSettings).

The shapes follow Microsoft's "GetUserSettings operation (SOAP)" reference and
what exchangelib sends and parses (services/get_user_settings.py,
properties.UserResponse): one UserResponse per requested mailbox, the mailbox
owner gets the settings the sandbox knows, any other address the per-user
ErrorCode InvalidUser. Settings the sandbox does not know come back as
UserSettingErrors/SettingIsNotAvailable, as a real server does for settings it
has no value for.
"""

from __future__ import annotations

from lxml import etree

from kortrijk_cockpit.sandbox.ews.soapxml import SOAP_NS, esc, parse_envelope
from kortrijk_cockpit.sandbox.mailbox import Mailbox

AUTODISCOVER_PATH = "/autodiscover/autodiscover.svc"
A_NS = "http://schemas.microsoft.com/exchange/2010/Autodiscover"
WSA_NS = "http://www.w3.org/2005/08/addressing"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_ACTION = "http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/"
# Exchange Server 2019 CU15, as the EWS envelope in soapxml.py says. Autodiscover puts the
# build in child elements (EWS uses attributes); exchangelib reads both and, without a
# Version element, derives the API version from the build.
_SERVER_VERSION = (
    f'<h:ServerVersionInfo xmlns:h="{A_NS}" xmlns:i="{XSI_NS}"><h:MajorVersion>15</h:MajorVersion>'
    "<h:MinorVersion>2</h:MinorVersion><h:MajorBuildNumber>1748</h:MajorBuildNumber>"
    "<h:MinorBuildNumber>10</h:MinorBuildNumber></h:ServerVersionInfo>"
)
_SCHEMAS = ("Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1, Exchange2010_SP2, "
            "Exchange2013, Exchange2013_SP1, Exchange2016")
AUTODISCOVER_PAGE = (b"<html><head><title>Autodiscover</title></head><body>"
                     b"This is the SOAP Autodiscover service (POST GetUserSettings).</body></html>")


def operation(request: etree._Element) -> str:
    """"GetUserSettings" for a GetUserSettingsRequestMessage body."""
    return str(etree.QName(request).localname).removesuffix("RequestMessage")


def respond(mailbox: Mailbox, ews_url: str, data: bytes) -> tuple[int, bytes]:
    """The HTTP status and SOAP response for one autodiscover POST."""
    try:
        _, request = parse_envelope(data)
    except ValueError as exc:
        return 500, _fault("a:InternalServiceFault", f"The request is malformed: {exc}")
    if etree.QName(request).namespace != A_NS or operation(request) != "GetUserSettings":
        # WCF's answer to an action the service does not implement (GetDomainSettings...).
        return 500, _fault("a:ActionNotSupported",
                           f"The action {etree.QName(request).localname} is not supported.")
    users = [str(e.text or "").strip() for e in request.iter(f"{{{A_NS}}}Mailbox")]
    wanted = [str(e.text or "").strip() for e in request.iter(f"{{{A_NS}}}Setting")]
    if not users:
        return 200, _response("InvalidRequest", "No users were specified in the request.", "")
    known = _settings(mailbox, ews_url)
    return 200, _response("NoError", "", "".join(
        _user_response(known, wanted) if user.lower() == mailbox.owner.lower()
        else _invalid_user(user) for user in users))


def _settings(mailbox: Mailbox, ews_url: str) -> dict[str, str]:
    legacy_dn = ("/o=Stad Kortrijk/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)"
                 f"/cn=Recipients/cn={mailbox.owner.split('@', 1)[0]}")
    return {
        "UserDisplayName": mailbox.owner_name,
        "UserDN": legacy_dn,
        "AutoDiscoverSMTPAddress": mailbox.owner,
        "ExternalEwsUrl": ews_url,
        "InternalEwsUrl": ews_url,
        "CasVersion": "15.02.1748.010",
        "EwsSupportedSchemas": _SCHEMAS,
    }


def _user_response(known: dict[str, str], wanted: list[str]) -> str:
    values, errors = [], []
    for name in wanted:
        if name in known:
            values.append(f'<UserSetting i:type="StringSetting"><Name>{esc(name)}</Name>'
                          f"<Value>{esc(known[name])}</Value></UserSetting>")
        else:
            errors.append("<UserSettingError><ErrorCode>SettingIsNotAvailable</ErrorCode>"
                          f"<ErrorMessage>User setting '{esc(name)}' is not available. </ErrorMessage>"
                          f"<SettingName>{esc(name)}</SettingName></UserSettingError>")
    return ("<UserResponse><ErrorCode>NoError</ErrorCode><ErrorMessage>No error.</ErrorMessage>"
            '<RedirectTarget i:nil="true"/>'
            f"<UserSettingErrors>{''.join(errors)}</UserSettingErrors>"
            f"<UserSettings>{''.join(values)}</UserSettings></UserResponse>")


def _invalid_user(user: str) -> str:
    return ("<UserResponse><ErrorCode>InvalidUser</ErrorCode>"
            f"<ErrorMessage>Invalid user: '{esc(user)}'</ErrorMessage>"
            '<RedirectTarget i:nil="true"/><UserSettingErrors/><UserSettings/></UserResponse>')


def _response(code: str, message: str, user_responses: str) -> bytes:
    message_xml = f"<ErrorMessage>{esc(message)}</ErrorMessage>" if message else "<ErrorMessage/>"
    return (
        f'<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="{SOAP_NS}" xmlns:a="{WSA_NS}">'
        f'<s:Header><a:Action s:mustUnderstand="1">{_ACTION}GetUserSettingsResponse</a:Action>'
        f"{_SERVER_VERSION}</s:Header><s:Body>"
        f'<GetUserSettingsResponseMessage xmlns="{A_NS}"><Response xmlns:i="{XSI_NS}">'
        f"<ErrorCode>{code}</ErrorCode>{message_xml}"
        f"<UserResponses>{user_responses}</UserResponses>"
        "</Response></GetUserSettingsResponseMessage></s:Body></s:Envelope>"
    ).encode()


def _fault(code: str, text: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="{SOAP_NS}"><s:Body><s:Fault>'
        f'<faultcode xmlns:a="{WSA_NS}">{code}</faultcode>'
        f'<faultstring xml:lang="en-US">{esc(text)}</faultstring>'
        "</s:Fault></s:Body></s:Envelope>"
    ).encode()
