package io.pipelineguard.bridge.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.security.ApiKey;
import io.pipelineguard.bridge.security.AuditEvent;
import io.pipelineguard.bridge.security.AuditKind;
import io.pipelineguard.bridge.security.AuditLog;
import io.pipelineguard.bridge.security.Permission;
import io.pipelineguard.bridge.security.Permissions;
import io.pipelineguard.bridge.security.Principal;
import io.pipelineguard.bridge.security.Role;
import io.pipelineguard.bridge.store.ApiKeyStore;
import io.pipelineguard.bridge.store.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys and the audit log over HTTP: {@code GET /api/keys} (never a secret or hash), {@code POST
 * /api/keys} (the key is in the 201 answer, once), {@code DELETE /api/keys/{id}}, {@code GET
 * /api/audit}. A caller can only create or revoke keys whose permissions it holds itself, so an
 * admin cannot create or revoke a superuser key.
 */
final class KeysApi {
  private final ApiKeyStore keys;
  private final AuditLog audit;
  private final Clock clock;

  KeysApi(ApiKeyStore keys, AuditLog audit, Clock clock) {
    this.keys = keys;
    this.audit = audit;
    this.clock = clock;
  }

  /** Returns the key and audit routes. */
  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.get("/api/keys", Permissions.KEYS_READ, "API keys, newest first", this::list),
        ApiRoute.post(
            "/api/keys",
            Permissions.KEYS_WRITE,
            "Create an API key; the key is shown once",
            this::create),
        ApiRoute.delete(
            "/api/keys/{id}", Permissions.KEYS_WRITE, "Revoke an API key", this::revoke),
        ApiRoute.get(
            "/api/audit",
            Permissions.AUDIT_READ,
            "Security audit events, newest first",
            this::events));
  }

  void list(Context ctx) {
    Page<ApiKey> page = keys.page(Paging.cursor(ctx), Paging.limit(ctx));
    List<Map<String, Object>> items = new ArrayList<>();
    for (ApiKey key : page.items()) {
      items.add(describe(key));
    }
    ctx.json(Paging.envelope(items, page.nextCursor()));
  }

  void create(Context ctx) {
    JsonNode body = JsonBodies.object(ctx);
    String name = JsonBodies.text(body, "name");
    String roleName = JsonBodies.text(body, "role");
    Role role;
    List<Permission> extras;
    try {
      ApiKey.checkName(name);
      role = Role.fromWireName(roleName);
      extras = permissions(body.get("permissions"));
    } catch (IllegalArgumentException e) {
      throw new HttpResponseException(HttpStatus.BAD_REQUEST.getCode(), e.getMessage());
    }
    Principal caller = KeyAccessControl.authentication(ctx).principal();
    Permission missing = caller.missingFor(role, extras);
    if (missing != null) {
      deny(ctx, caller, "create", missing);
    }
    ApiKeyStore.CreatedKey created = keys.create(name, role, extras, clock.instant());
    audit.record(
        AuditKind.KEY_CREATED,
        caller.name(),
        KeyAccessControl.clientIp(ctx),
        "key " + created.key().id() + " '" + name + "' role " + role.wireName());
    Map<String, Object> answer = describe(created.key());
    answer.put("key", created.secret());
    answer.put("warning", "store this key now: it is not shown again");
    ctx.status(HttpStatus.CREATED).json(answer);
  }

  void revoke(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new HttpResponseException(HttpStatus.BAD_REQUEST.getCode(), "id must be a key id");
    }
    Optional<ApiKey> key = keys.find(id);
    if (key.isEmpty()) {
      throw new HttpResponseException(HttpStatus.NOT_FOUND.getCode(), "no API key " + id);
    }
    Principal caller = KeyAccessControl.authentication(ctx).principal();
    Permission missing = caller.missingFor(key.get().role(), key.get().extraPermissions());
    if (missing != null) {
      deny(ctx, caller, "revoke", missing);
    }
    if (!keys.revoke(id, clock.instant())) {
      throw new HttpResponseException(
          HttpStatus.CONFLICT.getCode(), "API key " + id + " is already revoked");
    }
    audit.record(
        AuditKind.KEY_REVOKED,
        caller.name(),
        KeyAccessControl.clientIp(ctx),
        "key " + id + " '" + key.get().name() + "'");
    ctx.status(HttpStatus.NO_CONTENT);
  }

  void events(Context ctx) {
    Page<AuditEvent> page = audit.page(Paging.cursor(ctx), Paging.limit(ctx));
    List<Map<String, Object>> items = new ArrayList<>();
    for (AuditEvent event : page.items()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", event.id());
      item.put("at", Paging.iso(event.at()));
      item.put("kind", event.kind());
      item.put("actor", event.actor());
      item.put("ip", event.ip());
      item.put("detail", event.detail());
      items.add(item);
    }
    ctx.json(Paging.envelope(items, page.nextCursor()));
  }

  private void deny(Context ctx, Principal caller, String action, Permission missing) {
    audit.record(
        AuditKind.PERMISSION_DENIED,
        caller.name(),
        KeyAccessControl.clientIp(ctx),
        action + " a key holding " + missing);
    throw new HttpResponseException(
        HttpStatus.FORBIDDEN.getCode(),
        "a key can only "
            + action
            + " keys whose permissions it holds: this one lacks '"
            + missing
            + "'");
  }

  /** Reads {@code permissions}: absent, an array of strings, or one comma-separated string. */
  static List<Permission> permissions(JsonNode node) {
    List<Permission> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isTextual()) {
      return Permission.parseList(node.asText());
    }
    if (!node.isArray() || node.size() > ApiKeyStore.MAX_EXTRA_PERMISSIONS) {
      throw new IllegalArgumentException(
          "permissions must be a list of at most "
              + ApiKeyStore.MAX_EXTRA_PERMISSIONS
              + " strings such as \"audit:read\"");
    }
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new IllegalArgumentException("permissions must be strings");
      }
      out.add(Permission.of(item.asText().trim()));
    }
    return out;
  }

  static Map<String, Object> describe(ApiKey key) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", key.id());
    item.put("name", key.name());
    item.put("role", key.role().wireName());
    item.put("permissions", key.extraPermissions().stream().map(Permission::value).toList());
    item.put("prefix", key.prefix());
    item.put("created_at", Paging.iso(key.createdAt()));
    item.put("last_used_at", Paging.iso(key.lastUsedAt()));
    item.put("revoked_at", Paging.iso(key.revokedAt()));
    item.put("active", key.active());
    return item;
  }
}
