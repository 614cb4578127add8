// The live event stream (/ws): reconnects with exponential backoff, reports live/offline.

const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

/**
 * Connects to /ws. onEvent(type, data) gets each {"type","data"} frame; onState(live) gets
 * true when connected and false when the connection is lost. Returns { close() }.
 */
export function connectLive({ onEvent, onState }) {
  let socket = null;
  let delay = MIN_DELAY_MS;
  let timer = null;
  let closed = false;

  function open() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(scheme + '//' + location.host + '/ws');
    socket.addEventListener('open', () => {
      delay = MIN_DELAY_MS;
      onState(true);
    });
    socket.addEventListener('message', (message) => {
      let frame;
      try {
        frame = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      if (frame && typeof frame.type === 'string') onEvent(frame.type, frame.data);
    });
    socket.addEventListener('close', () => {
      onState(false);
      if (!closed) {
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, MAX_DELAY_MS);
      }
    });
  }

  open();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      if (socket) socket.close();
      onState(false);
    },
  };
}
