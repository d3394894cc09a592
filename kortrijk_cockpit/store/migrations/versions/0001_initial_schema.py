"""initial schema

Revision ID: 0001
Revises: -
Create Date: 2026-11-23 06:05:38.759616
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=255), nullable=False),
    sa.Column('action', sa.String(length=80), nullable=False),
    sa.Column('entity', sa.String(length=80), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_at'), ['at'], unique=False)

    op.create_table('mail_folders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exchange_id', sa.String(length=512), nullable=True),
    sa.Column('change_key', sa.String(length=255), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('display_name', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.Enum('inbox', 'sent', 'deleted', 'calendar', 'custom', name='folderkind', native_enum=False, length=20), nullable=False),
    sa.Column('sync_enabled', sa.Boolean(), nullable=False),
    sa.Column('total_count', sa.Integer(), nullable=False),
    sa.Column('unread_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['mail_folders.id'], name=op.f('fk_mail_folders_parent_id_mail_folders'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_folders')),
    sa.UniqueConstraint('exchange_id', name=op.f('uq_mail_folders_exchange_id'))
    )
    op.create_table('meeting_series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=True),
    sa.Column('start_time', sa.String(length=5), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(length=255), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_series')),
    sa.UniqueConstraint('code', name=op.f('uq_meeting_series_code'))
    )
    op.create_table('organisations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=80), nullable=False),
    sa.Column('website', sa.String(length=255), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations')),
    sa.UniqueConstraint('name', name=op.f('uq_organisations_name'))
    )
    op.create_table('reporting_cycles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('period', sa.String(length=40), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_cycles'))
    )
    op.create_table('deliverables',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=512), nullable=False),
    sa.Column('team', sa.String(length=255), nullable=False),
    sa.Column('owner_name', sa.String(length=255), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('open', 'submitted', 'approved', 'late', name='deliverablestatus', native_enum=False, length=20), nullable=False),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cycle_id'], ['reporting_cycles.id'], name=op.f('fk_deliverables_cycle_id_reporting_cycles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deliverables'))
    )
    with op.batch_alter_table('deliverables', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deliverables_cycle_id'), ['cycle_id'], unique=False)

    op.create_table('mails',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('folder_id', sa.Integer(), nullable=False),
    sa.Column('exchange_id', sa.String(length=512), nullable=True),
    sa.Column('change_key', sa.String(length=255), nullable=True),
    sa.Column('conversation_id', sa.String(length=512), nullable=True),
    sa.Column('subject', sa.String(length=1024), nullable=False),
    sa.Column('sender_name', sa.String(length=255), nullable=False),
    sa.Column('sender_email', sa.String(length=255), nullable=False),
    sa.Column('to_recipients', sa.JSON(), nullable=False),
    sa.Column('cc_recipients', sa.JSON(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=True),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('flag_status', sa.Enum('none', 'flagged', 'complete', name='flagstatus', native_enum=False, length=20), nullable=False),
    sa.Column('flag_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('is_read', sa.Boolean(), nullable=False),
    sa.Column('importance', sa.Enum('low', 'normal', 'high', name='importance', native_enum=False, length=20), nullable=False),
    sa.Column('sensitivity', sa.Enum('normal', 'personal', 'private', 'confidential', name='sensitivity', native_enum=False, length=20), nullable=False),
    sa.Column('has_attachments', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['folder_id'], ['mail_folders.id'], name=op.f('fk_mails_folder_id_mail_folders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mails')),
    sa.UniqueConstraint('exchange_id', name=op.f('uq_mails_exchange_id'))
    )
    with op.batch_alter_table('mails', schema=None) as batch_op:
        batch_op.create_index('ix_mails_conversation', ['conversation_id'], unique=False)
        batch_op.create_index('ix_mails_folder_received', ['folder_id', 'received_at'], unique=False)

    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('location', sa.String(length=255), nullable=False),
    sa.Column('status', sa.Enum('planned', 'agenda_sent', 'held', 'minutes_sent', 'cancelled', name='meetingstatus', native_enum=False, length=20), nullable=False),
    sa.Column('minutes_text', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['series_id'], ['meeting_series.id'], name=op.f('fk_meetings_series_id_meeting_series'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_series_id'), ['series_id'], unique=False)
        batch_op.create_index('ix_meetings_starts', ['starts_at'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(length=255), nullable=False),
    sa.Column('function', sa.String(length=255), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=255), nullable=False),
    sa.Column('phone', sa.String(length=64), nullable=False),
    sa.Column('mandate', sa.String(length=255), nullable=False),
    sa.Column('is_internal', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('purpose', sa.String(length=255), nullable=False),
    sa.Column('retain_until', sa.Date(), nullable=True),
    sa.Column('last_contact_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_people_organisation_id_organisations'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_email'), ['email'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('sync_states',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('folder_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('last_synced_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['folder_id'], ['mail_folders.id'], name=op.f('fk_sync_states_folder_id_mail_folders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_states')),
    sa.UniqueConstraint('folder_id', name=op.f('uq_sync_states_folder_id'))
    )
    op.create_table('action_points',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=512), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner_name', sa.String(length=255), nullable=False),
    sa.Column('owner_person_id', sa.Integer(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('open', 'in_progress', 'done', 'cancelled', name='actionstatus', native_enum=False, length=20), nullable=False),
    sa.Column('origin_meeting_id', sa.Integer(), nullable=True),
    sa.Column('target_series_id', sa.Integer(), nullable=True),
    sa.Column('target_meeting_id', sa.Integer(), nullable=True),
    sa.Column('source_mail_id', sa.Integer(), nullable=True),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['origin_meeting_id'], ['meetings.id'], name=op.f('fk_action_points_origin_meeting_id_meetings'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_person_id'], ['people.id'], name=op.f('fk_action_points_owner_person_id_people'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_mail_id'], ['mails.id'], name=op.f('fk_action_points_source_mail_id_mails'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['target_meeting_id'], ['meetings.id'], name=op.f('fk_action_points_target_meeting_id_meetings'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['target_series_id'], ['meeting_series.id'], name=op.f('fk_action_points_target_series_id_meeting_series'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_points'))
    )
    with op.batch_alter_table('action_points', schema=None) as batch_op:
        batch_op.create_index('ix_action_points_status_due', ['status', 'due_date'], unique=False)

    op.create_table('agenda_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=512), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('kind', sa.Enum('approval', 'decision', 'advice', 'discussion', 'information', name='agendaitemkind', native_enum=False, length=20), nullable=False),
    sa.Column('owner_name', sa.String(length=255), nullable=False),
    sa.Column('directorate', sa.String(length=255), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('source_mail_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_agenda_items_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_mail_id'], ['mails.id'], name=op.f('fk_agenda_items_source_mail_id_mails'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_items'))
    )
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_items_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mail_id', sa.Integer(), nullable=False),
    sa.Column('exchange_id', sa.String(length=512), nullable=True),
    sa.Column('name', sa.String(length=512), nullable=False),
    sa.Column('content_type', sa.String(length=255), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('is_inline', sa.Boolean(), nullable=False),
    sa.Column('content_id', sa.String(length=255), nullable=True),
    sa.Column('saved_path', sa.String(length=1024), nullable=True),
    sa.ForeignKeyConstraint(['mail_id'], ['mails.id'], name=op.f('fk_attachments_mail_id_mails'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments'))
    )
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachments_mail_id'), ['mail_id'], unique=False)

    op.create_table('calendar_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('exchange_id', sa.String(length=512), nullable=True),
    sa.Column('change_key', sa.String(length=255), nullable=True),
    sa.Column('series_exchange_id', sa.String(length=512), nullable=True),
    sa.Column('subject', sa.String(length=1024), nullable=False),
    sa.Column('start_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('end_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('is_all_day', sa.Boolean(), nullable=False),
    sa.Column('location', sa.String(length=255), nullable=False),
    sa.Column('organizer', sa.String(length=255), nullable=False),
    sa.Column('attendees', sa.JSON(), nullable=False),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('sensitivity', sa.Enum('normal', 'personal', 'private', 'confidential', name='sensitivity', native_enum=False, length=20), nullable=False),
    sa.Column('is_private_block', sa.Boolean(), nullable=False),
    sa.Column('is_cancelled', sa.Boolean(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_calendar_events_meeting_id_meetings'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_events')),
    sa.UniqueConstraint('exchange_id', name=op.f('uq_calendar_events_exchange_id'))
    )
    with op.batch_alter_table('calendar_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_events_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index('ix_calendar_events_start', ['start_at'], unique=False)

    op.create_table('briefs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('calendar_event_id', sa.Integer(), nullable=True),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('place', sa.String(length=255), nullable=False),
    sa.Column('organiser', sa.String(length=255), nullable=False),
    sa.Column('director_role', sa.String(length=255), nullable=False),
    sa.Column('logistics', sa.Text(), nullable=False),
    sa.Column('objective', sa.Text(), nullable=False),
    sa.Column('position', sa.Text(), nullable=False),
    sa.Column('key_messages', sa.Text(), nullable=False),
    sa.Column('asks_offers', sa.Text(), nullable=False),
    sa.Column('sensitive_topics', sa.Text(), nullable=False),
    sa.Column('background', sa.Text(), nullable=False),
    sa.Column('follow_up', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'ready', 'approved', name='briefstatus', native_enum=False, length=20), nullable=False),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['calendar_event_id'], ['calendar_events.id'], name=op.f('fk_briefs_calendar_event_id_calendar_events'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_briefs'))
    )
    op.create_table('document_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=512), nullable=False),
    sa.Column('requested_from', sa.String(length=255), nullable=False),
    sa.Column('requested_from_email', sa.String(length=255), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reminder_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.Enum('requested', 'received', 'waived', name='requeststatus', native_enum=False, length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_items.id'], name=op.f('fk_document_requests_agenda_item_id_agenda_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_requests'))
    )
    with op.batch_alter_table('document_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_requests_agenda_item_id'), ['agenda_item_id'], unique=False)

    op.create_table('outbox_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('mail_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'done', 'failed', 'conflict', name='outboxstatus', native_enum=False, length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['calendar_events.id'], name=op.f('fk_outbox_entries_event_id_calendar_events'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['mail_id'], ['mails.id'], name=op.f('fk_outbox_entries_mail_id_mails'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_entries'))
    )
    with op.batch_alter_table('outbox_entries', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_status', ['status', 'id'], unique=False)

    op.create_table('brief_people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('brief_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('open_matters', sa.Text(), nullable=False),
    sa.Column('opener', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['brief_id'], ['briefs.id'], name=op.f('fk_brief_people_brief_id_briefs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_brief_people_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_brief_people'))
    )
    with op.batch_alter_table('brief_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_brief_people_brief_id'), ['brief_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('brief_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_brief_people_brief_id'))

    op.drop_table('brief_people')
    with op.batch_alter_table('outbox_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_status')

    op.drop_table('outbox_entries')
    with op.batch_alter_table('document_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_requests_agenda_item_id'))

    op.drop_table('document_requests')
    op.drop_table('briefs')
    with op.batch_alter_table('calendar_events', schema=None) as batch_op:
        batch_op.drop_index('ix_calendar_events_start')
        batch_op.drop_index(batch_op.f('ix_calendar_events_meeting_id'))

    op.drop_table('calendar_events')
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_mail_id'))

    op.drop_table('attachments')
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_items_meeting_id'))

    op.drop_table('agenda_items')
    with op.batch_alter_table('action_points', schema=None) as batch_op:
        batch_op.drop_index('ix_action_points_status_due')

    op.drop_table('action_points')
    op.drop_table('sync_states')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_people_email'))

    op.drop_table('people')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index('ix_meetings_starts')
        batch_op.drop_index(batch_op.f('ix_meetings_series_id'))

    op.drop_table('meetings')
    with op.batch_alter_table('mails', schema=None) as batch_op:
        batch_op.drop_index('ix_mails_folder_received')
        batch_op.drop_index('ix_mails_conversation')

    op.drop_table('mails')
    with op.batch_alter_table('deliverables', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deliverables_cycle_id'))

    op.drop_table('deliverables')
    op.drop_table('reporting_cycles')
    op.drop_table('organisations')
    op.drop_table('meeting_series')
    op.drop_table('mail_folders')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_at'))

    op.drop_table('audit_entries')
