// Calls the bridge's REST API with the session cookie; errors become ApiError with a message
// an operator can act on.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * Fetches JSON. permission names what the call needs, for the 403 message.
 * Throws ApiError: status 0 when the bridge does not answer.
 */
export async function request(path, { method = 'GET', body, permission } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'The bridge does not answer (is it running?).');
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (response.ok) return data;
  const said = data && typeof data.error === 'string' ? data.error : response.statusText;
  if (response.status === 403) {
    throw new ApiError(403, 'Your key lacks ' + (permission || 'the permission') + '.');
  }
  if (response.status === 401) throw new ApiError(401, 'Not logged in: ' + said);
  throw new ApiError(response.status, 'Error ' + response.status + ': ' + said);
}

/** Logs in with an API key; the bridge answers with an HttpOnly session cookie. */
export function login(key) {
  return request('/api/session', { method: 'POST', body: { api_key: key } });
}

export function logout() {
  return request('/api/session', { method: 'DELETE' });
}

const enc = encodeURIComponent;

export const api = {
  status: () => request('/api/status', { permission: 'status:read' }),
  pipelines: () => request('/api/pipelines?limit=100', { permission: 'pipelines:read' }),
  pipeline: (id) => request('/api/pipelines/' + enc(id), { permission: 'pipelines:read' }),
  metrics: (id, hours) => request('/api/metrics/' + enc(id) + '?hours=' + enc(hours),
    { permission: 'pipelines:read' }),
  alerts: () => request('/api/alerts?hours=24&limit=100', { permission: 'alerts:read' }),
  repairs: () => request('/api/repairs?limit=50', { permission: 'repairs:read' }),
  diagnosis: (id) => request('/api/diagnoses/' + enc(id), { permission: 'diagnoses:read' }),
};
