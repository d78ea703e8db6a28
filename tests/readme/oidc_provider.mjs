// The OpenID provider README.md's OAuth examples talk to, for
// tests/readme/run.py: the same oidc-provider as tests/oauth_server/server.mjs,
// but with README's own clients, so the examples run with the client IDs and
// flags they show. Only the provider's address differs (a loopback port in
// place of https://login.example.com; the Google and Microsoft entries are
// pointed here with `oauth edit --issuer`).
//
// Usage: README_CLIENT_SECRET=… README_APP_ID=… node oidc_provider.mjs
// The first line on stdout is "listening on http://127.0.0.1:PORT".
// Sign-ins (login and consent) are approved at once for "readme-user".

import http from 'node:http';
import Provider from '../oauth_server/node_modules/oidc-provider/lib/index.js';

const secret = process.env.README_CLIENT_SECRET;
const appId = process.env.README_APP_ID;
if (!secret || !appId) {
  console.error('README_CLIENT_SECRET and README_APP_ID must be set');
  process.exit(2);
}

const native = {
  application_type: 'native',
  redirect_uris: ['http://127.0.0.1/callback'],
  response_types: ['code'],
};
const clients = [
  // `oauth add mail --template google --client-id 1234.apps.googleusercontent.com`
  {
    ...native,
    client_id: '1234.apps.googleusercontent.com',
    client_secret: secret,
    grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
    token_endpoint_auth_method: 'client_secret_post',
  },
  // `oauth add o365 --template microsoft-organizations --client-id "$APP_ID"`
  {
    ...native,
    client_id: appId,
    client_secret: secret,
    grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
    token_endpoint_auth_method: 'client_secret_post',
  },
  // `oauth add sso --template custom --issuer … --client-id cli --public`
  {
    ...native,
    client_id: 'cli',
    grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
    token_endpoint_auth_method: 'none',
  },
  // `oauth add reports --template custom --token-url …/oauth2/token --client-id reporter`
  {
    client_id: 'reporter',
    client_secret: secret,
    redirect_uris: [],
    response_types: [],
    grant_types: ['client_credentials'],
    token_endpoint_auth_method: 'client_secret_post',
  },
];

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients,
    // The templates' default scopes, so the provider grants what they ask.
    scopes: [
      'openid',
      'offline_access',
      'https://mail.google.com/',
      'https://outlook.office.com/IMAP.AccessAsUser.All',
      'https://outlook.office.com/SMTP.Send',
    ],
    pkce: { required: () => true },
    // README's `--token-url https://login.example.com/oauth2/token`.
    routes: { token: '/oauth2/token' },
    features: {
      devInteractions: { enabled: false },
      deviceFlow: { enabled: true },
      clientCredentials: { enabled: true },
    },
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    cookies: { keys: ['tokenctl-readme-cookie-key'] },
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

// Logs "readme-user" in and grants whatever the client asked for.
async function approve(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: 'readme-user' } });
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
