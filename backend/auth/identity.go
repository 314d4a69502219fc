package auth

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/oauth2"
)

// checkGrant turns the token of a finished consent into a sign-in record, after finding out
// whose it is. With expect set (someone is signed in) it must be that account's: the person may
// pick any account on Google's page, and tokens of another account would make the app act as
// someone other than the one it shows. Such a grant is refused, its token revoked (it is not
// wanted, and Google would otherwise list the app as allowed for that account), and the sign-in
// in place is left untouched. It runs before the browser tab is answered, so the tab says
// "Signed in" only for a grant that was kept.
func (s *Service) checkGrant(ctx context.Context, tok *oauth2.Token, requested []string, expect *Account) (*Record, error) {
	acct, err := s.accountFrom(ctx, tok, requested)
	if err != nil {
		// Whose token this is cannot be told, so it is not revoked: it may be the signed-in
		// account's, and revoking it would end that sign-in too.
		return nil, err
	}
	if expect != nil && !sameAccount(*expect, acct) {
		token := tok.RefreshToken
		if token == "" {
			token = tok.AccessToken
		}
		// Best effort, and even when the person has just cancelled the wait.
		_ = s.revoke(context.WithoutCancel(ctx), token)
		return nil, withAccounts(errWrongAccount, expect.Email, acct.Email)
	}
	rec := recordFor(s.cfg.ClientID, acct, tok)
	if rec.RefreshToken == "" && expect != nil {
		// Google sends a refresh token only with a consent screen; the old one stays good.
		s.mu.Lock()
		if s.rec != nil && sameAccount(s.rec.Account, acct) {
			rec.RefreshToken = s.rec.RefreshToken
		}
		s.mu.Unlock()
	}
	return rec, nil
}

// sameAccount compares Google's stable user ids; an account kept by an older version without
// one falls back to the address.
func sameAccount(a, b Account) bool {
	if a.Subject != "" && b.Subject != "" {
		return a.Subject == b.Subject
	}
	return strings.EqualFold(a.Email, b.Email)
}

// accountFrom finds out who signed in: from the id token, or, when it has no email (or there is
// none), from the userinfo endpoint with the new access token. The id token came straight from
// the token endpoint over the connection the app opened, so its signature need not be checked
// (OpenID Connect Core §3.1.3.7); the audience still must be this client.
func (s *Service) accountFrom(ctx context.Context, tok *oauth2.Token, requested []string) (Account, error) {
	var acct Account
	if raw, _ := tok.Extra("id_token").(string); raw != "" {
		c, err := s.idTokenClaims(raw)
		if err != nil {
			return Account{}, err
		}
		acct = Account{Subject: c.Sub, Email: c.Email, Name: c.Name}
	}
	if acct.Email == "" {
		info, err := s.userinfo(ctx, tok.AccessToken)
		if err != nil {
			return Account{}, err
		}
		if acct.Subject != "" && info.Sub != acct.Subject {
			return Account{}, errNoIdentity.WithDetail("userinfo names another user than the id_token")
		}
		acct.Subject, acct.Email = info.Sub, info.Email
		if acct.Name == "" {
			acct.Name = info.Name
		}
	}
	if acct.Subject == "" || acct.Email == "" {
		return Account{}, errNoIdentity.WithDetail("neither the id_token nor userinfo gave a sub and an email")
	}
	acct.Scopes = requested
	if sc, ok := tok.Extra("scope").(string); ok && sc != "" {
		acct.Scopes = strings.Fields(sc) // RFC 6749 §5.1: present when it differs from the request
	}
	return acct, nil
}

// identity is the part of the id token's claims, or of a userinfo answer, that says who.
type identity struct {
	Sub   string          `json:"sub"`
	Email string          `json:"email"`
	Name  string          `json:"name"`
	Aud   json.RawMessage `json:"aud"`
}

func (s *Service) idTokenClaims(raw string) (identity, error) {
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return identity{}, errNoIdentity.WithDetail("the id_token is not a JWT")
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return identity{}, errNoIdentity.WithDetail("the id_token payload is not base64url")
	}
	var c identity
	if err := json.Unmarshal(payload, &c); err != nil {
		return identity{}, errNoIdentity.WithDetail("the id_token payload is not JSON")
	}
	var aud []string
	if json.Unmarshal(c.Aud, &aud) != nil {
		var one string
		_ = json.Unmarshal(c.Aud, &one)
		aud = []string{one}
	}
	if !slices.Contains(aud, s.cfg.ClientID) {
		return identity{}, errNoIdentity.WithDetail("the id_token is for another client")
	}
	if c.Sub == "" {
		return identity{}, errNoIdentity.WithDetail("the id_token has no sub")
	}
	return c, nil
}

// userinfo asks the OpenID Connect userinfo endpoint who holds accessToken.
func (s *Service) userinfo(ctx context.Context, accessToken string) (identity, error) {
	if s.opts.Endpoints.UserinfoURL == "" {
		return identity{}, errNoIdentity.WithDetail("the id_token has no email and no userinfo endpoint is known")
	}
	ctx, cancel := context.WithTimeout(ctx, CallTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.opts.Endpoints.UserinfoURL, nil)
	if err != nil {
		return identity{}, errNoIdentity.WithDetail(err.Error())
	}
	req.Header.Set("Authorization", "Bearer "+accessToken)
	resp, err := s.opts.HTTPClient.Do(req)
	if err != nil {
		p := errNetwork.WithDetail("userinfo: " + err.Error()) // url.Error: the URL, not the header
		p.Retryable = true
		return identity{}, p
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode != http.StatusOK {
		return identity{}, errNoIdentity.WithDetail("userinfo: HTTP " + resp.Status)
	}
	var info identity
	if err := json.Unmarshal(body, &info); err != nil {
		return identity{}, errNoIdentity.WithDetail("userinfo: the answer is not JSON")
	}
	return info, nil
}

// revoke asks Google to end the grant token belongs to (RFC 7009).
func (s *Service) revoke(ctx context.Context, token string) error {
	ctx, cancel := context.WithTimeout(ctx, CallTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.opts.Endpoints.RevokeURL,
		strings.NewReader(url.Values{"token": {token}}.Encode()))
	if err != nil {
		return errRevokeFailed.WithDetail(err.Error())
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.opts.HTTPClient.Do(req)
	if err != nil {
		// url.Error names the revoke URL, never the form body holding the token.
		p := errRevokeFailed.WithDetail(err.Error())
		p.Retryable = true
		return p
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	var e struct {
		Error string `json:"error"`
	}
	_ = json.Unmarshal(body, &e)
	if e.Error == "invalid_token" { // already expired or revoked: the goal is met
		return nil
	}
	return errRevokeFailed.WithDetail("revoke endpoint: HTTP " + resp.Status + " " + e.Error)
}
