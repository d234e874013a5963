package org.plenary.identity;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.identity.IdentityRecords.ChangePassword;
import org.plenary.identity.IdentityRecords.Profile;
import org.plenary.identity.IdentityRecords.Session;
import org.plenary.identity.IdentityRecords.SignIn;
import org.plenary.identity.IdentityRecords.UpdateProfile;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;

/** Signing in and out with a local account, and one's own profile. */
@Path("/api")
@Tag(name = "Accounts")
public class AuthResource {

  @Inject AuthService auth;

  @POST
  @Path("/auth/sign-in")
  @Authorize(Action.PUBLIC)
  @Operation(summary = "Sign in with a local account; returns a bearer token")
  public Session signIn(@Valid @NotNull SignIn request) {
    return auth.signIn(request);
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
}
