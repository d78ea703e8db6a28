// A real OAuth 2.0 / OpenID Connect server (oidc-provider) for tokenctl's
// OAuth tests, on a random loopback port. The first line on stdout is
// "listening on http://127.0.0.1:PORT", the issuer URL.
//
// Usage: node server.mjs [--access-ttl SECONDS] [--refresh-ttl SECONDS]
//
// Interactions (login and consent) are approved at once for the user
// "test-user": a test drives the real authorization and device pages with
// a scripted HTTP client instead of a browser. Everything else — PKCE,
// loopback redirect rules, the device grant, client credentials, refresh
// token rotation and expiry — is oidc-provider's own behaviour.

import http from 'node:http';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values } = parseArgs({
  options: {
    'access-ttl': { type: 'string', default: '3600' },
    'refresh-ttl': { type: 'string', default: '86400' },
  },
});

const clients = [
  {
    // Authorization code + PKCE from a native app: any loopback port.
    client_id: 'code-client',
    client_secret: 'code-client-secret',
    application_type: 'native',
    redirect_uris: ['http://127.0.0.1/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  },
  {
    // A public client (no secret) on a headless machine: device grant.
    client_id: 'device-client',
    application_type: 'native',
    redirect_uris: [],
    grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
    response_types: [],
    token_endpoint_auth_method: 'none',
  },
  {
    // A service: client credentials only.
    client_id: 'service-client',
    client_secret: 'service-client-secret',
    redirect_uris: [],
    grant_types: ['client_credentials'],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_post',
    scope: 'mail',
  },
];

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients,
    scopes: ['openid', 'offline_access', 'mail'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      deviceFlow: { enabled: true },
      clientCredentials: { enabled: true },
    },
    ttl: {
      AccessToken: Number(values['access-ttl']),
      ClientCredentials: Number(values['access-ttl']),
      RefreshToken: Number(values['refresh-ttl']),
    },
    // Every client allowed the refresh_token grant gets a refresh token,
    // without the offline_access + prompt=consent dance.
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    cookies: { keys: ['tokenctl-test-cookie-key'] },
    findAccount: async (ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  const provide = provider.callback();
  server.on('request', (req, res) => {
    if (req.url.startsWith('/interaction/')) {
      approve(provider, req, res).catch((error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    } else {
      provide(req, res);
    }
  });
  console.log(`listening on ${issuer}`);
});

// Logs "test-user" in and grants whatever the client asked for.
async function approve(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: 'test-user' } });
    return;
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  const missing = prompt.details;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}
