"""ResolveNames, GetDelegate and ConvertId (exchangelib's version probe)."""

from __future__ import annotations

from lxml import etree

from kortrijk_cockpit.sandbox.ews.ops.common import Context
from kortrijk_cockpit.sandbox.ews.soapxml import (
    EwsError,
    attr,
    esc,
    failure,
    m,
    parse_bool,
    response,
    success,
    t,
    text_of,
)
from kortrijk_cockpit.sandbox.model import Address

MAX_CANDIDATES = 100


def _matches(person: Address, query: str) -> bool:
    email = person.email.lower()
    if query == email or email.split("@")[0].startswith(query):
        return True
    name = person.name.lower()
    return name.startswith(query) or any(part.startswith(query) for part in name.split())


def _resolution(person: Address, full: bool) -> str:
    internal = person.email.lower().endswith("@kortrijk.be")
    kind = "Mailbox" if internal else "Contact"
    mailbox = (f"<t:Mailbox><t:Name>{esc(person.name)}</t:Name>"
               f"<t:EmailAddress>{esc(person.email)}</t:EmailAddress>"
               f"<t:RoutingType>SMTP</t:RoutingType><t:MailboxType>{kind}</t:MailboxType></t:Mailbox>")
    contact = ""
    if full:
        given, _, surname = person.name.partition(" ")
        source = "ActiveDirectory" if internal else "Store"
        contact = (f"<t:Contact><t:DisplayName>{esc(person.name)}</t:DisplayName>"
                   f"<t:GivenName>{esc(given)}</t:GivenName>"
                   f'<t:EmailAddresses><t:Entry Key="EmailAddress1">SMTP:{esc(person.email)}</t:Entry>'
                   f"</t:EmailAddresses><t:ContactSource>{source}</t:ContactSource>"
                   f"<t:Surname>{esc(surname)}</t:Surname></t:Contact>")
    return f"<t:Resolution>{mailbox}{contact}</t:Resolution>"


def resolve_names(ctx: Context, request: etree._Element) -> str:
    full = parse_bool(request.get("ReturnFullContactData", "false"))
    people = ctx.mailbox.people
    messages = []
    for entry in request.findall(m("UnresolvedEntry")):
        query = (entry.text or "").strip().lower()
        query = query.removeprefix("smtp:")
        found = sorted((p for p in people if query and _matches(p, query)),
                       key=lambda p: (p.name.lower(), p.email.lower()))
        if not found:
            messages.append(failure("ResolveNames", EwsError(
                "ErrorNameResolutionNoResults", "No results were found.")))
            continue
        page = found[:MAX_CANDIDATES]
        resolution_set = (f'<m:ResolutionSet TotalItemsInView="{len(page)}" '
                          f'IncludesLastItemInRange="{"true" if len(page) == len(found) else "false"}">'
                          f"{''.join(_resolution(p, full) for p in page)}</m:ResolutionSet>")
        if len(page) == 1:
            messages.append(success("ResolveNames", resolution_set))
        else:
            messages.append(failure("ResolveNames", EwsError(
                "ErrorNameResolutionMultipleResults",
                "Multiple results were found.", response_class="Warning", extra=resolution_set)))
    return response("ResolveNames", messages)


def get_delegate(ctx: Context, request: etree._Element) -> str:
    box = ctx.mailbox
    email = text_of(request.find(m("Mailbox")), "EmailAddress").strip().lower()
    if email != box.owner.lower():
        error = EwsError("ErrorNonExistentMailbox", f"No mailbox with such SMTP address: {email}")
        return (f'<m:GetDelegateResponse ResponseClass="Error"><m:MessageText>{esc(error.text)}'
                f"</m:MessageText><m:ResponseCode>{error.code}</m:ResponseCode>"
                "<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:GetDelegateResponse>")
    wanted = {(e.text or "").strip().lower() for e in request.iter(t("PrimarySmtpAddress"))}
    delegates = [] if wanted and box.delegate.lower() not in wanted else [box.delegate]
    with_permissions = parse_bool(request.get("IncludePermissions", "false"))
    users = []
    for address in delegates:
        permissions = ""
        if with_permissions:
            levels = "".join(f"<t:{folder}FolderPermissionLevel>{level}</t:{folder}FolderPermissionLevel>"
                             for folder, level in box.delegate_permissions.items())
            permissions = f"<t:DelegatePermissions>{levels}</t:DelegatePermissions>"
        view_private = "true" if box.view_private_items else "false"
        users.append('<m:DelegateUserResponseMessageType ResponseClass="Success">'
                     "<m:ResponseCode>NoError</m:ResponseCode><m:DelegateUser><t:UserId>"
                     "<t:SID>S-1-5-21-1004336348-1177238915-682003330-4711</t:SID>"
                     f"<t:PrimarySmtpAddress>{esc(address)}</t:PrimarySmtpAddress>"
                     f"<t:DisplayName>{esc(box.delegate_name)}</t:DisplayName></t:UserId>"
                     f"{permissions}<t:ReceiveCopiesOfMeetingMessages>true"
                     "</t:ReceiveCopiesOfMeetingMessages>"
                     f"<t:ViewPrivateItems>{view_private}</t:ViewPrivateItems></m:DelegateUser>"
                     "</m:DelegateUserResponseMessageType>")
    return ('<m:GetDelegateResponse ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>'
            f"<m:ResponseMessages>{''.join(users)}</m:ResponseMessages>"
            "<m:DeliverMeetingRequests>DelegatesAndMe</m:DeliverMeetingRequests>"
            "</m:GetDelegateResponse>")


def convert_id(ctx: Context, request: etree._Element) -> str:
    # Ids here have one format only: echo each in the format asked for.
    target = request.get("DestinationFormat", "EwsId")
    messages = []
    for source in request.iterfind(f"{m('SourceIds')}/{t('AlternateId')}"):
        messages.append(success("ConvertId", (
            f'<m:AlternateId xsi:type="t:AlternateIdType" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" Format="{attr(target)}" '
            f'Id="{attr(source.get("Id", ""))}" Mailbox="{attr(source.get("Mailbox", ""))}"/>')))
    if not messages:
        messages.append(failure("ConvertId", EwsError("ErrorInvalidRequest", "No ids to convert.")))
    return response("ConvertId", messages)
