// The web chat page: Microsoft's Web Chat on this host's local Direct Line endpoint.
// The conversation id and its token live in localStorage, so a reload continues the same conversation;
// the token is refreshed while the page is open, and a token that can no longer be refreshed starts anew.
(function () {
  'use strict';

  const storageKey = 'reflectbot.webchat';
  const api = `${window.location.origin}/v3/directline`;
  const status = document.getElementById('status');

  function showStatus(text, actionLabel, action) {
    status.textContent = text;
    if (actionLabel) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = actionLabel;
      button.addEventListener('click', action);
      status.appendChild(button);
    }
    status.hidden = false;
  }

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || 'null');
    } catch {
      return null;
    }
  }

  function save(grant) {
    const session = {
      conversationId: grant.conversationId,
      token: grant.token,
      expiresAt: Date.now() + grant.expires_in * 1000
    };
    window.localStorage.setItem(storageKey, JSON.stringify(session));
    return session;
  }

  async function post(path, token) {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: token ? { Authorization: `Bearer ${token}` } : {}
    });
    if (!response.ok) {
      throw new Error(`${path}: ${response.status}`);
    }
    return response.json();
  }

  // A stored token still valid for a while is refreshed (which also proves the conversation still
  // exists here); anything else gets a new conversation.
  async function openSession() {
    const saved = load();
    if (saved && saved.token && saved.expiresAt > Date.now() + 10000) {
      try {
        return { ...save(await post('/tokens/refresh', saved.token)), resumed: true };
      } catch {
        window.localStorage.removeItem(storageKey);
      }
    }
    return { ...save(await post('/tokens/generate')), resumed: false };
  }

  function keepFresh(session) {
    // Halfway through the token's life, and at most every ten minutes.
    const every = Math.min((session.expiresAt - Date.now()) / 2, 10 * 60 * 1000);
    window.setInterval(async () => {
      const current = load();
      if (!current) {
        return;
      }
      try {
        save(await post('/tokens/refresh', current.token));
      } catch {
        // directlinejs reports a lost connection through connectionStatus$ below.
      }
    }, every);
  }

  const styleOptions = {
    accent: '#3d6b63',
    backgroundColor: '#fbfaf7',
    primaryFont: '"Segoe UI", "Noto Sans", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif',
    botAvatarImage: 'avatar.svg',
    botAvatarInitials: 'RB',
    userAvatarInitials: 'You',
    avatarSize: 36,
    bubbleBackground: '#f1ede6',
    bubbleBorderWidth: 0,
    bubbleBorderRadius: 14,
    bubbleFromUserBackground: '#dfeae6',
    bubbleFromUserBorderWidth: 0,
    bubbleFromUserBorderRadius: 14,
    bubbleMinHeight: 36,
    suggestedActionBorderRadius: 18,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#3d6b63',
    suggestedActionTextColor: '#2f3a37',
    suggestedActionLayout: 'flow',
    sendBoxTextWrap: true,
    disableFileUpload: true,
    hideUploadButton: true,
    timestampFormat: 'relative'
  };

  async function start() {
    if (!window.WebChat) {
      showStatus('The chat could not load its script (lib/webchat.js). Build the app with Node.js installed, then reload.');
      return;
    }

    let session;
    try {
      session = await openSession();
    } catch {
      showStatus('Could not reach ReflectBot. Is it running?', 'Try again', () => window.location.reload());
      return;
    }

    keepFresh(session);

    // No watermark on a reload: the whole conversation is fetched again, so the page shows where the
    // journey is (the question waiting for an answer), not an empty transcript.
    const directLine = window.WebChat.createDirectLine({
      domain: api,
      token: session.token,
      conversationId: session.resumed ? session.conversationId : undefined,
      webSocket: false,
      pollingInterval: 500
    });

    directLine.connectionStatus$.subscribe(state => {
      // 4: failed to connect, 5: ended.
      if (state === 4 || state === 5) {
        window.localStorage.removeItem(storageKey);
        showStatus('The conversation was lost (the server may have restarted).', 'Start again', () => window.location.reload());
      }
    });

    window.WebChat.renderWebChat(
      { directLine, styleOptions, locale: 'en-US' },
      document.getElementById('webchat')
    );
    document.querySelector('#webchat textarea, #webchat input')?.focus();
  }

  start();
})();
