import { announce } from '../../a11y/announcer';
import { h } from '../../dom';
import type { CityPageContext } from '../page';
import type { ConsultationView } from './consultation-api';
import { heading } from './message-list';

type CallStatus = 'idle' | 'incoming' | 'connecting' | 'connected' | 'ended' | 'failed' | 'noMicrophone';

/** What travels in `consultation.signal`'s `data`: the WebRTC offer, answer and ICE candidates, and a hang-up. */
type Signal = { kind: 'offer' | 'answer'; sdp: string } | { kind: 'candidate'; candidate: RTCIceCandidateInit } | { kind: 'hangup' };

function isSignal(data: unknown): data is Signal {
  if (typeof data !== 'object' || data === null) return false;
  const { kind } = data as { kind?: unknown };
  return kind === 'offer' || kind === 'answer' || kind === 'candidate' || kind === 'hangup';
}

export interface VoiceCall {
  readonly root: HTMLElement;
  /** A signal from the other side, relayed by the server. */
  receive: (data: unknown) => void;
  /** The consultation ended (or this person left it): the call stops. */
  stop: () => void;
  /** For tests and the twin: the peer connection's state, or null with no call. */
  connectionState: () => RTCPeerConnectionState | null;
}

/**
 * The audio call: peer-to-peer WebRTC between the two pages, signalled over the socket. The caller sends an offer;
 * the other side hears "is calling you" and answers with the same button. The status line is a polite live region,
 * so each step (connecting, connected, ended) is said without moving focus.
 */
export function voiceCall(
  consultation: ConsultationView,
  signal: (data: Signal) => Promise<boolean>,
  level: number,
  context: CityPageContext,
): VoiceCall {
  const { t } = context;
  const status = h('p', { class: 'chat-voice__status', id: 'consultation-voice-status', role: 'status' });
  const start = h('button', { type: 'button', class: 'button', id: 'consultation-call' }, t('consultations:voice.start'));
  const hangUp = h(
    'button',
    { type: 'button', class: 'button button--warning', id: 'consultation-hang-up', hidden: true },
    t('consultations:voice.hangUp'),
  );
  const mute = h(
    'button',
    { type: 'button', class: 'button button--secondary', id: 'consultation-mic-mute', 'aria-pressed': 'false', hidden: true },
    t('consultations:voice.mute'),
  );
  const audio = h('audio', { id: 'consultation-voice-audio', autoplay: true });
  let peer: RTCPeerConnection | null = null;
  let microphone: MediaStream | null = null;
  let offer: string | null = null;
  let early: RTCIceCandidateInit[] = [];

  const setStatus = (next: CallStatus) => {
    status.textContent = t(`consultations:voice.status.${next}`);
    status.dataset.status = next;
    const inCall = next === 'connecting' || next === 'connected';
    start.hidden = inCall;
    start.textContent = t(next === 'incoming' ? 'consultations:voice.answer' : 'consultations:voice.start');
    hangUp.hidden = !inCall;
    mute.hidden = !inCall;
  };

  const close = (next: CallStatus) => {
    peer?.close();
    peer = null;
    for (const track of microphone?.getTracks() ?? []) track.stop();
    microphone = null;
    audio.srcObject = null;
    early = [];
    delete status.dataset.connectionState;
    mute.setAttribute('aria-pressed', 'false');
    setStatus(next);
  };

  const connect = async (): Promise<RTCPeerConnection | null> => {
    try {
      microphone = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    } catch {
      close('noMicrophone');
      return null;
    }
    const connection = new RTCPeerConnection({ iceServers: consultation.iceServers });
    peer = connection;
    for (const track of microphone.getTracks()) connection.addTrack(track, microphone);
    connection.addEventListener('icecandidate', (event) => {
      if (event.candidate) void signal({ kind: 'candidate', candidate: event.candidate.toJSON() });
    });
    connection.addEventListener('track', (event) => {
      audio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
    });
    connection.addEventListener('connectionstatechange', () => {
      if (peer !== connection) return;
      status.dataset.connectionState = connection.connectionState;
      if (connection.connectionState === 'connected') setStatus('connected');
      if (connection.connectionState === 'failed') close('failed');
    });
    return connection;
  };

  start.addEventListener('click', () => {
    setStatus('connecting');
    void (async () => {
      const connection = await connect();
      if (!connection) return;
      if (offer !== null) {
        await connection.setRemoteDescription({ type: 'offer', sdp: offer });
        offer = null;
        for (const candidate of early.splice(0)) await connection.addIceCandidate(candidate);
        const answer = await connection.createAnswer();
        await connection.setLocalDescription(answer);
        await signal({ kind: 'answer', sdp: answer.sdp ?? '' });
        return;
      }
      const made = await connection.createOffer();
      await connection.setLocalDescription(made);
      if (!(await signal({ kind: 'offer', sdp: made.sdp ?? '' }))) close('failed');
    })().catch(() => close('failed'));
    hangUp.focus();
  });

  hangUp.addEventListener('click', () => {
    void signal({ kind: 'hangup' });
    close('ended');
    start.focus();
  });

  mute.addEventListener('click', () => {
    const muted = mute.getAttribute('aria-pressed') !== 'true';
    for (const track of microphone?.getAudioTracks() ?? []) track.enabled = !muted;
    mute.setAttribute('aria-pressed', String(muted));
    announce(t(muted ? 'consultations:voice.micMuted' : 'consultations:voice.micOn'));
  });

  const receive = (data: unknown) => {
    if (!isSignal(data)) return;
    if (data.kind === 'offer') {
      offer = data.sdp;
      early = [];
      if (peer) close('idle');
      setStatus('incoming');
    } else if (data.kind === 'answer') {
      const connection = peer;
      void connection
        ?.setRemoteDescription({ type: 'answer', sdp: data.sdp })
        .then(async () => {
          for (const candidate of early.splice(0)) await connection.addIceCandidate(candidate);
        })
        .catch(() => close('failed'));
    } else if (data.kind === 'candidate') {
      // Candidates may come before the offer is answered: kept until there is a connection to add them to.
      if (peer?.remoteDescription) void peer.addIceCandidate(data.candidate).catch(() => undefined);
      else early.push(data.candidate);
    } else {
      offer = null;
      close('ended');
    }
  };

  setStatus('idle');
  const root = h(
    'section',
    { class: 'chat-voice', 'aria-labelledby': 'consultation-voice-heading' },
    heading(level, { id: 'consultation-voice-heading' }, t('consultations:voice.heading')),
    status,
    h('div', { class: 'form__actions' }, start, mute, hangUp),
    audio,
  );
  return {
    root,
    receive,
    stop: () => {
      if (peer) void signal({ kind: 'hangup' });
      close('ended');
      root.hidden = true;
    },
    connectionState: () => peer?.connectionState ?? null,
  };
}
