package org.plenary.identity;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.identity.IdentityRecords.ChangePassword;
import org.plenary.identity.IdentityRecords.Erase;
import org.plenary.identity.IdentityRecords.Profile;
import org.plenary.identity.IdentityRecords.ResetPassword;
import org.plenary.identity.IdentityRecords.Session;
import org.plenary.identity.IdentityRecords.SignIn;
import org.plenary.identity.IdentityRecords.UpdateProfile;
import org.plenary.platform.api.PageOf;
import org.plenary.platform.api.Paging;
import org.plenary.platform.http.ContentDisposition;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;

/** Signing in and out with a local account, and one's own profile. */
@Path("/api")
@Tag(name = "Accounts")
public class AuthResource {

  @Inject AuthService auth;
  @Inject AccountCare care;

  @POST
  @Path("/auth/sign-in")
  @Authorize(Action.PUBLIC)
  @Operation(summary = "Sign in with a local account; returns a bearer token")
  public Session signIn(@Valid @NotNull SignIn request) {
    return auth.signIn(request);
  }

  @GET
  @Path("/auth/methods")
  @Authorize(Action.PUBLIC)
  @Operation(
      summary = "How to sign in here: local accounts, and the Keycloak realm and client if on")
  public IdentityRecords.SignInMethods methods() {
    return auth.methods();
  }

  @POST
  @Path("/auth/sign-out")
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "Sign this token out")
  public void signOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    auth.signOut(
        authorization == null || authorization.length() < 8
            ? null
            : authorization.substring(7).strip());
  }

  @GET
  @Path("/me")
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "Your profile")
  public Profile me() {
    return auth.me();
  }

  @PATCH
  @Path("/me")
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "Change your profile: name, handle, organisation, attribution …")
  public Profile update(@Valid @NotNull UpdateProfile request) {
    return auth.updateProfile(request);
  }

  @POST
  @Path("/me/password")
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "Change your password; signs out your other sessions")
  public Session changePassword(@Valid @NotNull ChangePassword request) {
    return auth.changePassword(request);
  }

  @POST
  @Path("/auth/password-reset")
  @Authorize(Action.PUBLIC)
  @Operation(summary = "Set a new password with a one-time reset link; signs in")
  public Session resetPassword(@Valid @NotNull ResetPassword request) {
    return care.useReset(request);
  }

  @GET
  @Path("/me/data")
  @Authorize(Action.SIGNED_IN)
  @Operation(summary = "Download everything Plenary holds about you (JSON)")
  public Response export() {
    return Response.ok(care.export())
        .header("Content-Disposition", ContentDisposition.attachment("plenary-my-data.json"))
        .build();
  }

  @POST
  @Path("/me/erasure")
  @Authorize(Action.SIGNED_IN)
  @Operation(
      summary =
          "Erase yourself: your name goes everywhere, your words stay as a former participant's")
  public void erase(@Valid @NotNull Erase request) {
    care.erase(request.confirm());
  }

  /** Account care by platform administrators. */
  @Path("/api/admin/accounts")
  @Tag(name = "Administration")
  public static class Admin {
    @Inject AccountCare care;

    @GET
    @Authorize(Action.ADMINISTER)
    @Operation(summary = "Accounts, searched by handle or name")
    public PageOf<Profile> list(
        @QueryParam("q") String q,
        @QueryParam("page") Integer page,
        @QueryParam("size") Integer size) {
      return care.list(q, Paging.of(page, size, 50));
    }

    @POST
    @Path("/{accountId}/disable")
    @Authorize(Action.ADMINISTER)
    @Operation(summary = "Disable an account (signs it out everywhere)")
    public Profile disable(@PathParam("accountId") long accountId) {
      return care.setDisabled(accountId, true);
    }

    @DELETE
    @Path("/{accountId}/disable")
    @Authorize(Action.ADMINISTER)
    @Operation(summary = "Enable a disabled account again")
    public Profile enable(@PathParam("accountId") long accountId) {
      return care.setDisabled(accountId, false);
    }

    @POST
    @Path("/{accountId}/password-reset")
    @Authorize(Action.ADMINISTER)
    @Operation(summary = "A one-time password-reset link to hand over (the secret is shown once)")
    public Response reset(@PathParam("accountId") long accountId, @Context UriInfo uri) {
      return Response.status(201)
          .entity(care.issueReset(accountId, uri.getBaseUri().resolve("/reset/").toString()))
          .build();
    }
  }
}
