"""How people prove who they are: staff single sign-on (OpenID Connect) with the
province's identity provider, and a second factor (TOTP) for local accounts.
See README "Inloggen voor medewerkers (SSO)" and "Tweede factor"."""
