/**
 * Passkeys, the portal's only script. Everything else works without JavaScript, so this only adds:
 * the "Sign in with a passkey" button on the sign-in page and the "Add a passkey" form on the
 * account page. Both stay hidden in browsers that cannot use passkeys. The texts come from the
 * page's data attributes (already in the contact's language); the server does every check.
 */
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';

interface JsonAnswer {
  ok: boolean;
  status: number;
  body: Record<string, unknown> | null;
}

const postJson = async (url: string, payload: unknown): Promise<JsonAnswer> => {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(payload),
  });
  let body: Record<string, unknown> | null = null;
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    body = null;
  }
  return { ok: response.ok, status: response.status, body };
};

/** The message the server worded, if it sent one. */
const serverMessage = (answer: JsonAnswer): string | null => {
  const error = answer.body?.error as { message?: unknown } | undefined;
  return typeof error?.message === 'string' ? error.message : null;
};

/** Where the server says to go next (a path of the portal only). */
const redirectOf = (answer: JsonAnswer): string | null => {
  const target = answer.body?.redirect;
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : null;
};

/**
 * Goes to the page the server named. A URL that differs from this one only by its fragment would
 * just scroll, so the page is loaded again instead (it was reached by GET: the server's targets
 * carry their own query for that).
 */
const go = (target: string) => {
  const url = new URL(target, window.location.href);
  if (url.pathname === window.location.pathname && url.search === window.location.search) {
    window.location.hash = url.hash;
    window.location.reload();
  } else window.location.assign(url.href);
};

class Refused extends Error {}

/** The browser's own refusals: the contact closed the dialog, or it timed out. */
const wasCancelled = (error: unknown) => error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');

const ceremony = (answer: JsonAnswer): { challenge: string; options: Record<string, unknown> } => {
  const challenge = answer.body?.challenge;
  const options = answer.body?.options;
  if (!answer.ok || typeof challenge !== 'string' || !options || typeof options !== 'object') {
    throw new Refused(serverMessage(answer) ?? '');
  }
  return { challenge, options: options as Record<string, unknown> };
};

const say = (element: Element | null, text: string) => {
  if (element) element.textContent = text;
};

const setUpSignIn = (root: HTMLElement) => {
  const button = root.querySelector('button');
  const message = root.querySelector('[data-passkey-message]');
  if (!button) return;
  root.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    say(message, '');
    try {
      const { challenge, options } = ceremony(await postJson('/sign-in/passkey/options', {}));
      const response = await startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON });
      const answer = await postJson('/sign-in/passkey', { challenge, response, next: root.dataset.next ?? '/' });
      const target = redirectOf(answer);
      if (answer.ok && target) {
        go(target);
        return;
      }
      say(message, serverMessage(answer) ?? root.dataset.messageFailed ?? '');
    } catch (error) {
      if (error instanceof Refused && error.message) say(message, error.message);
      else say(message, (wasCancelled(error) ? root.dataset.messageCancelled : root.dataset.messageFailed) ?? '');
    } finally {
      button.disabled = false;
    }
  });
};

const setUpRegistration = (form: HTMLFormElement) => {
  const nameInput = form.querySelector<HTMLInputElement>('input[name=name]');
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  const message = form.querySelector('[data-passkey-message]');
  const unsupported = document.querySelector<HTMLElement>('[data-passkey-unsupported]');
  if (!nameInput || !button) return;
  form.hidden = false;
  if (unsupported) unsupported.hidden = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    if (!name) {
      say(message, form.dataset.messageName ?? '');
      nameInput.setAttribute('aria-invalid', 'true');
      nameInput.focus();
      return;
    }
    nameInput.removeAttribute('aria-invalid');
    button.disabled = true;
    say(message, '');
    try {
      const { challenge, options } = ceremony(await postJson('/account/passkeys/options', {}));
      const response = await startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON });
      const answer = await postJson('/account/passkeys', { challenge, response, name });
      const target = redirectOf(answer);
      if (answer.ok && target) {
        go(target);
        return;
      }
      say(message, serverMessage(answer) ?? form.dataset.messageFailed ?? '');
      if (target) go(target);
    } catch (error) {
      if (error instanceof Refused && error.message) say(message, error.message);
      else say(message, (wasCancelled(error) ? form.dataset.messageCancelled : form.dataset.messageFailed) ?? '');
    } finally {
      button.disabled = false;
    }
  });
};

if (browserSupportsWebAuthn()) {
  document.querySelectorAll<HTMLElement>('[data-passkey-sign-in]').forEach(setUpSignIn);
  document.querySelectorAll<HTMLFormElement>('form[data-passkey-add]').forEach(setUpRegistration);
}
