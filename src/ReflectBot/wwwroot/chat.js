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

  // Names Chromium's accessibility tree would otherwise leave empty in Web Chat 4.18's own markup. Web Chat
  // renders each message as an unnamed <article> around a role="article" child that it labels for its
  // arrow-key (aria-activedescendant) navigation (the outer one now shares that label), the live region's
  // copies as unnamed articles, the keyboard help's sections too, the send box as an unnamed <form>, and decorative icons
  // (the Send arrow, the external-link mark) as images without alt text; no prop or middleware reaches them.
  // Only attributes Web Chat does not set are added, so its re-renders keep them.
  let liveLines = 0;

  function nameWhatWebChatLeavesUnnamed(root) {
    for (const article of root.querySelectorAll('article.webchat__basic-transcript__activity:not([aria-labelledby])')) {
      const labelled = article.querySelector(':scope > .webchat__basic-transcript__activity-active-descendant[aria-labelledby]');
      if (labelled) {
        article.setAttribute('aria-labelledby', labelled.getAttribute('aria-labelledby'));
      }
    }
    // The live region announces each new message through a copy of it in an unnamed <article> (and one per
    // attachment): named by their own first lines, "Bot RB said:" and the text.
    for (const copy of root.querySelectorAll('.webchat__live-region-transcript article:not([aria-labelledby])')) {
      const lines = [...copy.children].filter(line => line.textContent.trim()).slice(0, 2);
      if (lines.length) {
        for (const line of lines) {
          line.id ||= `reflectbot-live-${++liveLines}`;
        }
        copy.setAttribute('aria-labelledby', lines.map(line => line.id).join(' '));
      }
    }
    let sections = 0;
    for (const section of root.querySelectorAll('article.webchat__keyboard-help__section:not([aria-labelledby])')) {
      const heading = section.querySelector('h3');
      if (heading) {
        heading.id ||= `reflectbot-keyboard-help-${++sections}`;
        section.setAttribute('aria-labelledby', heading.id);
      }
    }
    for (const form of root.querySelectorAll('form.webchat__send-box-text-box:not([aria-label])')) {
      const label = form.querySelector('[aria-label]')?.getAttribute('aria-label');
      if (label) {
        form.setAttribute('aria-label', label);
      }
    }
    for (const icon of root.querySelectorAll('img[alt=""]:not([aria-hidden]), button svg:not([aria-hidden]):not([aria-label]), a svg:not([aria-hidden]):not([aria-label])')) {
      icon.setAttribute('aria-hidden', 'true');
    }
  }

  // Under reduced motion the transcript jumps where Web Chat scrolls it, instead of gliding there. Web Chat 4.18.1
  // scrolls with react-scroll-to-bottom 4.2, which decides whether and where to scroll (stick to the bottom, the
  // "New messages" button, after a send, the send box's PageUp/PageDown/Home/End) and then always animates: its
  // SpineTo writes the scrollable's scrollTop once per animation frame, a few steps of sqrt(distance) each. No style
  // option or prop reaches that (its `scroller` prop, which Web Chat fills from autoScrollSnap*, only caps how far
  // to go; `initialScrollBehavior` is not passed on and covers the first scroll only). So on this one element, and
  // only under the preference, a script's write to scrollTop lands on where the animation is heading: the end, or
  // the page the send box's keys asked for. The animation still runs its course, so react-scroll-to-bottom's sense
  // of "sticky" and "animating" is as before; its frames just have nowhere left to move. A person's own scrolling
  // (wheel, scroll bar, touch, arrow keys, scrollIntoView) never goes through this setter. It holds because the
  // page calls none of Web Chat's scroll hooks (useScrollTo, useScrollUp...): any other scripted write here is
  // react-scroll-to-bottom following to the end. A Web Chat upgrade is checked by the reduced-motion browser test.
  const nativeScrollTop = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop');
  const keyScroll = { PageUp: -1, PageDown: 1, Home: -Infinity, End: Infinity };
  const jumping = new WeakSet();

  function jumpInsteadOfGliding(scrollable) {
    if (jumping.has(scrollable)) {
      return;
    }

    jumping.add(scrollable);
    // Where the send box's keys send the transcript, worked out as Web Chat does (a page is offsetHeight), kept
    // until the animation's last frame writes it.
    let keyTarget = null;
    Object.defineProperty(scrollable, 'scrollTop', {
      configurable: true,
      get() {
        return nativeScrollTop.get.call(this);
      },
      set(value) {
        // react-scroll-to-bottom's end ("100%") is scrollHeight - offsetHeight.
        const end = Math.max(0, this.scrollHeight - this.offsetHeight);
        let to = end;
        if (keyTarget && keyTarget.until > Date.now()) {
          to = keyTarget.top;
          if (Math.abs(value - to) < 1.5) {
            keyTarget = null;
          }
        }

        nativeScrollTop.set.call(this, to);
      }
    });

    // Web Chat (React 16, whose listeners sit on the document) takes these keys only when it scrolls, with the text
    // box empty, and then cancels their default: this listener, added after React's, reads that afterwards.
    document.addEventListener('keydown', event => {
      const steps = keyScroll[event.key];
      if (steps === undefined || !event.defaultPrevented || !event.target.closest?.('#webchat .webchat__send-box')) {
        return;
      }

      const from = nativeScrollTop.get.call(scrollable);
      const page = Number.isFinite(steps) ? steps * scrollable.offsetHeight : steps;
      keyTarget = { top: Math.max(0, Math.min(scrollable.scrollHeight - scrollable.offsetHeight, from + page)), until: Date.now() + 2000 };
    });
  }

  // Web Chat 4.18 draws a Hero card through its own Adaptive Card builder, which sets no "speak": the card's root
  // then gets role="figure" and no name (Web Chat names a card only from an Adaptive Card's speak, and makes a card
  // with buttons a named "form"). So Hero cards are shown as the same Adaptive Card with speak: title, text,
  // images with their alt text, and buttons that act exactly as Web Chat's own Hero buttons do (the card action
  // itself is handed back to Web Chat). Teams, which reads Hero cards well, still gets them from the bot.
  const heroContentType = 'application/vnd.microsoft.card.hero';

  function plain(markdown) {
    return String(markdown)
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\*\*|__/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  }

  function spoken(hero) {
    const sentences = [hero.title, hero.subtitle, hero.text]
      .filter(part => typeof part === 'string' && part.trim())
      .map(plain)
      .map(part => (/[.!?:;…]$/.test(part) ? part : `${part}.`));
    return sentences.length ? sentences.join(' ') : (hero.buttons || []).map(button => button.title).join(', ');
  }

  function heroAsAdaptiveCard(hero) {
    const body = [];
    if (hero.title) {
      body.push({ type: 'TextBlock', text: hero.title, wrap: true, size: 'Medium', weight: 'Bolder', style: 'heading' });
    }
    if (hero.subtitle) {
      body.push({ type: 'TextBlock', text: hero.subtitle, wrap: true, isSubtle: true });
    }
    for (const image of hero.images || []) {
      body.push({ type: 'Image', url: image.url, altText: image.alt || hero.title || '' });
    }
    if (hero.text) {
      body.push({ type: 'TextBlock', text: hero.text, wrap: true });
    }
    const actions = (hero.buttons || []).map(button =>
      button.type === 'openUrl'
        ? { type: 'Action.OpenUrl', title: button.title, url: button.value }
        : { type: 'Action.Submit', title: button.title || String(button.value), data: { __isBotFrameworkCardAction: true, cardAction: button } }
    );
    return {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      speak: spoken(hero),
      body,
      ...(actions.length ? { actions } : {})
    };
  }

  function heroCardsAsNamedAdaptiveCards() {
    // One converted card per Hero card, kept: a new object on every render would make Web Chat draw the card
    // afresh each time, losing the focus inside it.
    const converted = new WeakMap();
    return () => next => card => {
      const attachment = card && card.attachment;
      // A tap on the whole card has no place in an Adaptive Card's actions: such a card is left as it is.
      if (attachment && attachment.contentType === heroContentType && attachment.content && !attachment.content.tap) {
        if (!converted.has(attachment)) {
          converted.set(attachment, { ...attachment, contentType: 'application/vnd.microsoft.card.adaptive', content: heroAsAdaptiveCard(attachment.content) });
        }
        return next({ ...card, attachment: converted.get(attachment) });
      }
      return next(card);
    };
  }

  // A card button keeps focus after it is pressed, and the reply scrolls it out of view (2.4.11): after a
  // card's answer is sent, focus goes to the text box, as Web Chat does for its suggested actions.
  function focusSendBoxAfterCardActions() {
    return () => next => action => {
      const result = next(action);
      const fromCard = document.activeElement?.closest('#webchat .webchat__basic-transcript .ac-adaptiveCard');
      if (fromCard && (action.type === 'WEB_CHAT/SEND_MESSAGE' || action.type === 'WEB_CHAT/SEND_POST_BACK' || action.type === 'WEB_CHAT/SEND_MESSAGE_BACK')) {
        window.setTimeout(() => document.querySelector('#webchat [data-id="webchat-sendbox-input"]')?.focus(), 0);
      }
      return result;
    };
  }

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

    function adjust() {
      nameWhatWebChatLeavesUnnamed(pane);
      if (reducedMotion) {
        pane.querySelectorAll('.webchat__basic-transcript__scrollable').forEach(jumpInsteadOfGliding);
      }
    }

    new MutationObserver(adjust).observe(pane, { childList: true, subtree: true });
    const store = window.WebChat.createStore({}, focusSendBoxAfterCardActions());

    window.WebChat.renderWebChat(
      // Web Chat's root is a "complementary" landmark by default; inside our <main> it is the main
      // content itself, so a plain region (unnamed: not announced as a second landmark).
      { directLine, store, styleOptions, attachmentMiddleware: heroCardsAsNamedAdaptiveCards(), locale: 'en-US', role: 'region' },
      pane
    );
    adjust();
    document.querySelector('#webchat textarea, #webchat input')?.focus();
  }

  start();
})();
