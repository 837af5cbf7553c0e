import { ConfigError, loadConfig } from '../config/environment.js';

describe('voice settings (VOICE_ENABLED, ICE_SERVERS)', () => {
  test('off with no servers by default; on with the servers as RTCPeerConnection takes them', () => {
    expect(loadConfig({})).toMatchObject({ voiceEnabled: false, iceServers: [] });
    const servers = [
      { urls: 'stun:stun.example:3478' },
      { urls: ['turn:turn.example', 'turns:turn.example:5349'], username: 'u', credential: 'p' },
    ];
    expect(loadConfig({ VOICE_ENABLED: 'on', ICE_SERVERS: JSON.stringify(servers) })).toMatchObject({
      voiceEnabled: true,
      iceServers: servers,
    });
  });

  test.each([
    '{',
    '{}',
    '[1]',
    '[{"urls":"http://x"}]',
    '[{"urls":[]}]',
    '[{"urls":"stun:x","password":"p"}]',
    '[{"urls":"stun:x","username":1}]',
  ])('ICE_SERVERS %s is refused without echoing the value, which may hold a password', (value) => {
    expect(() => loadConfig({ ICE_SERVERS: value })).toThrow(
      new ConfigError('ICE_SERVERS must be a JSON array of { "urls", "username"?, "credential"? } with stun:, turn: or turns: URLs'),
    );
  });

  test('VOICE_ENABLED must be a boolean word', () => {
    expect(() => loadConfig({ VOICE_ENABLED: 'maybe' })).toThrow(new ConfigError('VOICE_ENABLED must be true or false (got "maybe")'));
  });
});
