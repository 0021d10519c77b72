"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 01:15:26.450240
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op



revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('platform', sa.String(length=30), nullable=False),
    sa.Column('channel', sa.String(length=100), nullable=True),
    sa.Column('min_score', sa.Integer(), server_default='30', nullable=False),
    sa.Column('nudge_after_seconds', sa.Integer(), server_default='3600', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('name', name=op.f('uq_accounts_name'))
    )
    op.create_table('authors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=255), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('handle', sa.Text(), nullable=True),
    sa.Column('muted', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('muted_by', sa.String(length=50), nullable=True),
    sa.Column('muted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_authors_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_authors')),
    sa.UniqueConstraint('external_id', 'account_id', name=op.f('uq_authors_external_id_account_id'))
    )
    op.create_table('posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=255), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_posts_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posts')),
    sa.UniqueConstraint('external_id', 'account_id', name=op.f('uq_posts_external_id_account_id'))
    )
    op.create_table('sync_states',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('cursor', sa.JSON(), nullable=True),
    sa.Column('polled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('succeeded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('error_kind', sa.String(length=30), nullable=True),
    sa.Column('error_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paused_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('alerted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_sync_states_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id', name=op.f('pk_sync_states'))
    )
    op.create_table('comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=255), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('parent_external_id', sa.String(length=255), nullable=True),
    sa.Column('thread_external_id', sa.String(length=255), nullable=True),
    sa.Column('is_brand', sa.Boolean(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_comments_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['answered_by_id'], ['comments.id'], name=op.f('fk_comments_answered_by_id_comments'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['author_id'], ['authors.id'], name=op.f('fk_comments_author_id_authors'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_comments_post_id_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comments')),
    sa.UniqueConstraint('external_id', 'account_id', name=op.f('uq_comments_external_id_account_id'))
    )
    op.create_index('ix_comments_parent_external_id_account_id', 'comments', ['parent_external_id', 'account_id'], unique=False)
    op.create_index('ix_comments_thread_external_id_account_id', 'comments', ['thread_external_id', 'account_id'], unique=False)
    op.create_index('ix_comments_author_id_created_at', 'comments', ['author_id', 'created_at'], unique=False)
    op.create_index(op.f('ix_comments_post_id'), 'comments', ['post_id'], unique=False)
    op.create_index('ix_comments_waiting', 'comments', ['created_at', 'account_id'], unique=False, sqlite_where=sa.text('answered_at IS NULL AND NOT is_brand AND NOT deleted'), postgresql_where=sa.text('answered_at IS NULL AND NOT is_brand AND NOT deleted'))
    op.create_table('nudges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=100), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('posted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('slack_ts', sa.String(length=40), nullable=True),
    sa.Column('needs_update', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('handled_by', sa.String(length=100), nullable=True),
    sa.Column('handled_how', sa.String(length=30), nullable=True),
    sa.Column('snoozed_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('assigned_to', sa.String(length=50), nullable=True),
    sa.Column('suggestions', sa.JSON(), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_nudges_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_nudges_comment_id_comments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nudges')),
    sa.UniqueConstraint('comment_id', name=op.f('uq_nudges_comment_id'))
    )
    op.create_index(op.f('ix_nudges_account_id'), 'nudges', ['account_id'], unique=False)
    op.create_index('ix_nudges_state_due_at', 'nudges', ['state', 'due_at'], unique=False)



def downgrade() -> None:

    op.drop_index('ix_nudges_state_due_at', table_name='nudges')
    op.drop_index(op.f('ix_nudges_account_id'), table_name='nudges')
    op.drop_table('nudges')
    op.drop_index('ix_comments_waiting', table_name='comments', sqlite_where=sa.text('answered_at IS NULL AND NOT is_brand AND NOT deleted'), postgresql_where=sa.text('answered_at IS NULL AND NOT is_brand AND NOT deleted'))
    op.drop_index(op.f('ix_comments_post_id'), table_name='comments')
    op.drop_index('ix_comments_author_id_created_at', table_name='comments')
    op.drop_index('ix_comments_thread_external_id_account_id', table_name='comments')
    op.drop_index('ix_comments_parent_external_id_account_id', table_name='comments')
    op.drop_table('comments')
    op.drop_table('sync_states')
    op.drop_table('posts')
    op.drop_table('authors')
    op.drop_table('accounts')

