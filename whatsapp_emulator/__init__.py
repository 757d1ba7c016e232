"""Local WhatsApp Cloud API emulator: a stand-in for Meta's Graph API plus a chat page.

Run: ``python -m whatsapp_emulator`` (binds 127.0.0.1:EMULATOR_PORT). Point the
channel's WHATSAPP_API_URL at ``http://127.0.0.1:8003``; it then talks to the
emulator exactly as to graph.facebook.com. Open http://127.0.0.1:8003/ to chat.

Configuration (environment; defaults give the local setup)
-----------------------------------------------------------
EMULATOR_PORT             8003
WHATSAPP_ACCESS_TOKEN     emulator-access-token   Bearer token the Graph endpoints require
WHATSAPP_APP_SECRET       emulator-app-secret     key of the X-Hub-Signature-256 webhook signature
WHATSAPP_VERIFY_TOKEN     emulator-verify-token   hub.verify_token of the subscription handshake
WHATSAPP_PHONE_NUMBER_ID  100000000000001         the business number's id in Graph paths
WHATSAPP_BUSINESS_ACCOUNT_ID 100000000000000      entry[].id of webhooks
WHATSAPP_DISPLAY_NUMBER   +91 755 000 0181        shown on the page; digits in webhook metadata
RASA_WEBHOOK_URL          http://127.0.0.1:5005/webhooks/whatsapp/webhook
EMULATOR_MEDIA_DIR        var/whatsapp_emulator/media
EMULATOR_STATUS_DELAY     0.3    seconds between sent, delivered and read statuses
EMULATOR_RETRY_DELAYS     1,2,4,8,16,32,64   waits before each webhook redelivery
EMULATOR_THROUGHPUT_MPS   80     messages/second before error 130429 (0: no limit)

Graph API (see graph_api.py): POST /{vNN.N}/{phone_number_id}/messages,
POST /{vNN.N}/{phone_number_id}/media, GET /{vNN.N}/{media_id}, and the media
URL it returns (/whatsapp_business/attachments/?mid=...), all with the token.
Meta's error shape and codes: 100, 131009 (validation), 131047 (24-hour
window closed, non-template), 130429 (throughput), 131053 (media), 190 (token),
132001 / 132000 (a template that is not approved in that language / the wrong
number of body parameters; approved ones: data/approved_templates.yml), and
whatever is injected (e.g. 131056, 131026). Bodies with NaN or Infinity are
not JSON (100 / 400). Webhook bodies are compact JSON
with non-ASCII escaped, as Meta sends them; media ``sha256`` is base64 in
webhooks and hex from GET /{media_id}.

Control API (no token; for the page, tests and the benchmark)
-------------------------------------------------------------
POST /emulator/users/{wa_id}/send
    The citizen with this WhatsApp id (digits, country code first; or a
    business-scoped user id like IN.1648738043044942 for a citizen whose
    number is hidden: webhooks then carry contacts[].user_id, from_user_id
    and recipient_user_id, and the bot answers with "recipient") sends a
    message; it is delivered to RASA_WEBHOOK_URL as a signed Cloud API webhook
    and opens/refreshes the 24-hour window. Optional in every body:
    "profile_name", "context_id" (the bot message replied to). Bodies:
      {"type": "text", "text": "नमस्ते"}
      {"type": "button_reply", "id": "...", "title": "..."}     tap on a reply button
      {"type": "list_reply", "id": "...", "title": "...", "description": "..."}
      {"type": "button", "text": "...", "payload": "..."}       template quick reply
      {"type": "location", "latitude": 22.7, "longitude": 75.8, "name": "...", "address": "..."}
      {"type": "image"|"document"|"video"|"audio", "filename": "...",
       "content_base64": "..." | "path": "/local/file", "mime_type": "...", "caption": "..."}
      {"type": "voice"} / {"type": "sticker"}                   a bundled sample unless a file is given
      {"type": "reaction", "message_id": "wamid...", "emoji": "👍"}
      {"type": "contacts", "name": "...", "phone": "+91..."}
      {"type": "raw", "payload": {...}}                         any webhook body, signed and delivered as is;
                                                                its citizen messages are recorded and open
                                                                their sender's window
    Button and list replies get their `context` (the bot message offering
    that id) automatically. Answer: {"id", "seq", "message", "webhook"}
    ({"queued": true} for raw); 400 {"detail"} for a bad request.
GET  /emulator/users/{wa_id}/messages?since=<seq>&wait=<seconds>
    The conversation both ways: {"wa_id", "seq", "window_open", "messages": [
    {"seq", "id", "direction": "in"|"out", "type", "timestamp", "status",
     "statuses": [{"status", "timestamp"}], "errors", "message"}]}. "message"
    is the Cloud API message object (in) or the Graph JSON the bot sent (out).
    Only entries changed after `since` (new or with a new status); with `wait`
    the call blocks up to that many seconds (max 60) until there is one. Pass
    the returned "seq" as the next `since`. Statuses: out accepted -> sent ->
    delivered -> read | failed; in pending -> (retrying) -> delivered -> read
    (read when the bot marks it read) | failed (webhook delivery given up).
POST /emulator/users/{wa_id}/window   {"open": false}   close (or open) the 24-hour window
POST /emulator/faults   {"code": 131056, "count": 2, "kind": "error"|"failed",
                         "http_status": 429, "details": "...", "wa_id": "..."}
    The next `count` message sends (to `wa_id`, a valid user, or to anyone)
    fail: "error" answers the send request with that Graph error; "failed"
    accepts it and then posts a failed status webhook with
    errors[{code,title,message,error_data}] (a send refused for another reason,
    such as a closed window, leaves a "failed" fault for the next one).
GET  /emulator/faults            pending faults
POST /emulator/webhook/verify    Meta's subscription handshake against RASA_WEBHOOK_URL (GET with
                                 hub.mode, hub.verify_token, hub.challenge) -> {"verified", "status_code"}
POST /emulator/reset             forget conversations, windows and faults
GET  /emulator/config            display number, phone number id, preset places
GET  /emulator/media/{media_id}  media bytes without a token (for the page)
"""
