"""WebSocket consumers of live sessions: one for boards and phones, one for facilitators."""

from __future__ import annotations

from channels.db import database_sync_to_async

from home.live import LiveConsumer

from . import live


class SessionConsumer(LiveConsumer):
    """Boards and participants' phones: follow the board, post ideas, vote.

    A participant is known by their browser session (the session's page opens
    one), hashed; a board needs none. A stale or forged join code is refused.
    """

    actions = {"post": "post", "vote": "vote"}
    facilitator = False

    async def authorise(self):
        self.live_session = await database_sync_to_async(live.find_session)(self.scope["url_route"]["kwargs"]["code"])
        if self.live_session is None or not await self.allowed():
            return None
        group = live.facilitators_group if self.facilitator else live.public_group
        return [group(self.live_session)]

    async def allowed(self) -> bool:
        return True

    async def catch_up(self, since: int) -> list[dict]:
        return await database_sync_to_async(live.catch_up)(self.live_session, since, facilitator=self.facilitator)

    def participant(self) -> str | None:
        session = self.scope.get("session")
        key = session.session_key if session is not None else None
        return live.participant_id(key) if key else None

    async def run(self, action, *args, details: dict | None = None):
        """Run a change of `live`; a refusal goes back to this client with `details`."""
        try:
            return await database_sync_to_async(action)(self.live_session, *args)
        except live.LiveError as refusal:
            await self.error(refusal.message, **(details or {}))
            return None

    async def post(self, content: dict) -> None:
        participant = self.participant()
        client_key = content.get("client_key")
        details = {"client_key": client_key} if isinstance(client_key, str) else {}
        if participant is None:
            await self.error(live.NOT_A_PARTICIPANT, **details)
            return
        idea = await self.run(
            live.post_idea, participant, content.get("text"), content.get("axis"), client_key, details=details
        )
        if idea is not None:
            await self.send_json({"type": "posted", "idea": idea.pk, **details})

    async def vote(self, content: dict) -> None:
        participant = self.participant()
        if participant is None:
            await self.error(live.NOT_A_PARTICIPANT)
            return
        address = (self.scope.get("client") or [""])[0]
        await self.run(live.vote, participant, content.get("idea"), address, details={"idea": content.get("idea")})


class FacilitatorConsumer(SessionConsumer):
    """The facilitator's view: every idea, hidden ones included, and the moderation actions."""

    facilitator = True
    rate_messages = 30
    actions = {action: "moderate" for action in live.FACILITATOR_ACTIONS}

    async def allowed(self) -> bool:
        return await database_sync_to_async(live.can_facilitate)(self.user)

    async def moderate(self, content: dict) -> None:
        await self.run(live.moderate, content["type"], content, details={"idea": content.get("idea")})
