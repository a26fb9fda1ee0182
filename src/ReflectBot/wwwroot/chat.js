// The web chat page: Microsoft's Web Chat on a Direct Line this host hands out (its own, or Azure's).
// Who the visitor is lives in an HttpOnly cookie the host set (the page never sees or picks it); the page
// keeps only its conversation's id and token in localStorage, so a reload continues the same conversation.
// The token is refreshed while the page is open; one that can no longer be refreshed starts anew.
(function () {
  'use strict';

  const storageKey = 'reflectbot.webchat';
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

  function save(grant, previous) {
    const session = {
      conversationId: grant.conversationId,
      token: grant.token,
      expiresAt: Date.now() + grant.expires_in * 1000,
      domain: grant.domain || (previous && previous.domain),
      webSocket: grant.webSocket !== undefined ? grant.webSocket : previous && previous.webSocket
    };
    window.localStorage.setItem(storageKey, JSON.stringify(session));
    return session;
  }

  async function post(url, token) {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: token ? { Authorization: `Bearer ${token}` } : {}
    });
    if (!response.ok) {
      throw new Error(`${url}: ${response.status}`);
    }
    return response.json();
  }

  // The host answers for the person its cookie names: the stored conversation when its token is still
  // theirs and good, otherwise a new one.
  async function openSession() {
    const saved = load();
    const stored = saved && saved.token && saved.expiresAt > Date.now() + 10000 ? saved.token : null;
    const grant = await post('/webchat/session', stored);
    return { ...save(grant), resumed: grant.resumed === true };
  }

  function keepFresh(session) {
    // Azure's Direct Line client refreshes its own token; this host's is refreshed here, halfway through
    // the token's life and at most every ten minutes, until its absolute lifetime ends it.
    if (session.webSocket) {
      return;
    }
    const every = Math.max(Math.min((session.expiresAt - Date.now()) / 2, 10 * 60 * 1000), 30 * 1000);
    window.setInterval(async () => {
      const current = load();
      if (!current) {
        return;
      }
      try {
        save(await post(`${current.domain}/tokens/refresh`, current.token), current);
      } catch {
        // directlinejs reports a lost connection through connectionStatus$ below.
      }
    }, every);
  }

  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  const styleOptions = {
    accent: '#3d6b63',
    // Timestamps and Adaptive Cards' "isSubtle" text: Web Chat's #767676 is 4.5:1 on white only
    // (4.35:1 on our page, 3.89:1 on the bot's bubble).
    subtle: '#595959',
    backgroundColor: '#fbfaf7',
    primaryFont: '"Segoe UI", "Noto Sans", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif',
    botAvatarImage: 'avatar.svg',
    botAvatarInitials: 'RB',
    userAvatarInitials: 'You',
    avatarSize: 36,
    bubbleBackground: '#f1ede6',
    // A border the colour of the bubble: invisible normally, drawn in forced-colors mode (system colours
    // replace border colours), so messages keep their outline in high contrast.
    bubbleBorderColor: '#f1ede6',
    bubbleBorderWidth: 1,
    bubbleBorderRadius: 14,
    bubbleFromUserBackground: '#dfeae6',
    bubbleFromUserBorderColor: '#dfeae6',
    bubbleFromUserBorderWidth: 1,
    bubbleFromUserBorderRadius: 14,
    bubbleMinHeight: 36,
    suggestedActionBorderRadius: 18,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#3d6b63',
    suggestedActionTextColor: '#2f3a37',
    suggestedActionLayout: 'flow',
    // The default keyboard focus ring is a 1 px dashed grey line: make it unmistakable.
    suggestedActionKeyboardFocusIndicatorBorderColor: '#2f3a37',
    suggestedActionKeyboardFocusIndicatorBorderStyle: 'solid',
    suggestedActionKeyboardFocusIndicatorBorderWidth: 2,
    suggestedActionKeyboardFocusIndicatorBorderRadius: 14,
    suggestedActionKeyboardFocusIndicatorInset: 3,
    sendBoxButtonKeyboardFocusIndicatorBorderColor: '#2f3a37',
    sendBoxButtonKeyboardFocusIndicatorBorderWidth: 2,
    // The typing indicator is an animated GIF, which prefers-reduced-motion does not reach.
    ...(reducedMotion ? { typingAnimationBackgroundImage: "url('typing-static.svg')" } : {}),
    // Card titles are cut with an ellipsis by default: the crisis card's title lost half its words at 320 px.
    richCardWrapTitle: true,
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
      domain: session.domain,
      token: session.token,
      conversationId: session.resumed ? session.conversationId : undefined,
      webSocket: session.webSocket === true,
      pollingInterval: 500
    });

    const pane = document.getElementById('webchat');
    directLine.connectionStatus$.subscribe(state => {
      // 3: token refused, 4: failed to connect, 5: ended. Its tokens no longer work: after "delete my
      // data", at the end of the conversation's lifetime, or when the server lost it. The transcript goes
      // from the screen too.
      if (state === 3 || state === 4 || state === 5) {
        window.localStorage.removeItem(storageKey);
        pane.hidden = true;
        showStatus('This conversation has ended.', 'Start again', () => window.location.reload());
      }
    });

    window.WebChat.renderWebChat(
      // Web Chat's root is a "complementary" landmark by default; inside our <main> it is the main
      // content itself, so a plain region (unnamed: not announced as a second landmark).
      { directLine, styleOptions, locale: 'en-US', role: 'region' },
      pane
    );
    document.querySelector('#webchat textarea, #webchat input')?.focus();
  }

  start();
})();
