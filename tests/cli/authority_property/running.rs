//! Running a history on a system and checking it against the model.

use super::*;

/// Runs one history on `system`, checking the invariant after every step.
pub(crate) async fn run_history(
    system: &impl System,
    case: usize,
    steps: &[Step],
) -> Result<(), String> {
    let keys = system.snapshot(&Names::default()).await.keys;
    let mut model = Model::new(case, keys);
    let root = system.root().await;
    model.credentials.push(CredentialModel {
        handle: root,
        user: 0,
        grant: Grant::Session,
        epoch: 0,
    });
    for (number, step) in steps.iter().enumerate() {
        let context = || format!("step {number} {step:?}");
        let (expected, outcome) = apply(system, &mut model, step)
            .await
            .map_err(|error| format!("{}: {error}", context()))?;
        match (&expected, &outcome) {
            (Expect::Allow, Err(error)) => {
                return Err(format!(
                    "{}: the model allows it, the system said {error}",
                    context()
                ));
            }
            (Expect::Refuse, Ok(())) => {
                return Err(format!(
                    "{}: the model refuses it, the system did it",
                    context()
                ));
            }
            _ => {}
        }
        check(system, &model)
            .await
            .map_err(|error| format!("after {}: {error}", context()))?;
    }
    Ok(())
}

/// Every credential does exactly what the model says; the store holds
/// exactly what the model holds.
pub(crate) async fn check(system: &impl System, model: &Model) -> Result<(), String> {
    let handles = model.credentials.iter().map(|c| c.handle.clone()).collect();
    let effective = system.effective_all(handles).await;
    for (index, (credential, actual)) in model.credentials.iter().zip(effective).enumerate() {
        let expected = model.effective(credential);
        if actual != expected {
            return Err(format!(
                "credential {index} ({:?} of {}, {:?}) may do {actual:?}; the model says {expected:?}",
                credential.handle.kind, model.users[credential.user].name, credential.grant
            ));
        }
    }
    let actual = system.snapshot(&model.names).await;
    let expected = model.snapshot();
    if actual != expected {
        return Err(format!(
            "the store holds {actual:#?}\nthe model holds {expected:#?}"
        ));
    }
    Ok(())
}

/// A step that names a user or token when the history has none.
pub(crate) fn nothing_to_act_on() -> (Expect, Outcome<()>) {
    (Expect::Refuse, Err("nothing to act on".to_owned()))
}

/// Applies one step to both: what the model expected, and whether the
/// system did it. The model changes only when the system did.
/// `Err` when the system handed out something other than the model's grant.
pub(crate) async fn apply(
    system: &impl System,
    model: &mut Model,
    step: &Step,
) -> Result<(Expect, Outcome<()>), String> {
    use Permission::{KeysManage, TokensManage, UsersManage};
    let credential_count = model.credentials.len();
    let pick = |index: usize| index % credential_count;
    match step {
        Step::AddRole { by, permissions } => {
            let by = pick(*by);
            let name = model.fresh("r");
            let allowed = model.acting(by).is_some_and(|(held, person, _)| {
                person
                    && held.contains(&UsersManage)
                    && !permissions.is_empty()
                    && permissions.is_subset(&held)
            });
            let done = system
                .add_role(&model.credentials[by].handle, &name, permissions)
                .await;
            if done.is_ok() {
                model.roles.push(RoleModel {
                    name,
                    permissions: permissions.clone(),
                });
            }
            Ok((expect(allowed), done))
        }
        Step::AddUser { by, role } => {
            let by = pick(*by);
            let role = role % model.roles.len();
            let name = model.fresh("u");
            let allowed = model.acting(by).is_some_and(|(held, person, _)| {
                person
                    && held.contains(&UsersManage)
                    && model.roles[role].permissions.is_subset(&held)
            });
            let done = system
                .add_user(
                    &model.credentials[by].handle,
                    &name,
                    &model.roles[role].name,
                )
                .await;
            if done.is_ok() {
                model.users.push(UserModel {
                    name,
                    role,
                    disabled: false,
                    disables: 0,
                    failures: 0,
                });
            }
            Ok((expect(allowed), done))
        }
        Step::SetRole { by, user, role } => {
            let Some(user) = model.case_user(*user) else {
                return Ok(nothing_to_act_on());
            };
            let by = pick(*by);
            let role = role % model.roles.len();
            let from = model.role_of(user);
            let allowed = model.acting(by).is_some_and(|(held, person, acting)| {
                person
                    && held.contains(&UsersManage)
                    && from.is_subset(&held)
                    && model.roles[role].permissions.is_subset(&held)
                    && acting.user != user
            });
            let done = system
                .set_role(
                    &model.credentials[by].handle,
                    &model.users[user].name,
                    &model.roles[role].name,
                )
                .await;
            if done.is_ok() {
                model.users[user].role = role;
            }
            Ok((expect(allowed), done))
        }
        Step::SetDisabled { by, user, disabled } => {
            let Some(user) = model.case_user(*user) else {
                return Ok(nothing_to_act_on());
            };
            let by = pick(*by);
            let role = model.role_of(user);
            let allowed = model.acting(by).is_some_and(|(held, person, acting)| {
                person
                    && held.contains(&UsersManage)
                    && role.is_subset(&held)
                    && !(*disabled && acting.user == user)
            });
            let done = system
                .set_disabled(
                    &model.credentials[by].handle,
                    &model.users[user].name,
                    *disabled,
                )
                .await;
            if done.is_ok() {
                let target = &mut model.users[user];
                target.disabled = *disabled;
                if *disabled {
                    target.disables += 1;
                }
            }
            Ok((expect(allowed), done))
        }
        Step::Login { user } => {
            let user = user % model.users.len();
            if user == 0 {
                // The first admin's password is the environment's own.
                return Ok((
                    Expect::Refuse,
                    Err("the first admin logs in once".to_owned()),
                ));
            }
            let target = &model.users[user];
            let locked = target.failures >= 5;
            let allowed = !locked && !target.disabled;
            let done = system.login(&target.name).await;
            let result = done.as_ref().map(drop).map_err(Clone::clone);
            let target = &mut model.users[user];
            match (&done, locked) {
                (_, true) => {}
                (Ok(_), false) => target.failures = 0,
                (Err(_), false) => target.failures += 1,
            }
            if let Ok(handle) = done {
                model.credentials.push(CredentialModel {
                    handle,
                    user,
                    grant: Grant::Session,
                    epoch: model.users[user].disables,
                });
            }
            Ok((expect(allowed), result))
        }
        Step::Create { by, owner, role } => {
            let by = pick(*by);
            let acting_user = model.credentials[by].user;
            let owner = match owner {
                Some(index) => model.case_user(*index),
                None => None,
            };
            let owner_index = owner.unwrap_or(acting_user);
            let role = role.map(|role| role % model.roles.len());
            let role_index = role.unwrap_or(model.users[owner_index].role);
            let name = model.fresh("t");
            let owner_role = model.role_of(owner_index).clone();
            let acting = model.acting(by);
            let allowed = acting.as_ref().is_some_and(|(held, person, _)| {
                *person
                    && held.contains(&TokensManage)
                    && (owner_index == acting_user || held.contains(&UsersManage))
                    && !model.users[owner_index].disabled
            });
            let granted: Permissions = acting.map_or_else(Permissions::new, |(held, _, _)| {
                model.roles[role_index]
                    .permissions
                    .iter()
                    .filter(|p| held.contains(p) && owner_role.contains(p))
                    .copied()
                    .collect()
            });
            let owner_name = owner.map(|index| model.users[index].name.clone());
            let role_name = role.map(|index| model.roles[index].name.clone());
            let done = system
                .create(
                    &model.credentials[by].handle,
                    &name,
                    owner_name.as_deref(),
                    role_name.as_deref(),
                )
                .await;
            let result = done.as_ref().map(drop).map_err(Clone::clone);
            if let Ok((handle, id, system_granted)) = done {
                if system_granted != granted {
                    return Err(format!(
                        "the token was granted {system_granted:?}; the model says {granted:?}"
                    ));
                }
                model.tokens.push(TokenModel {
                    id,
                    owner: owner_index,
                    granted,
                    revoked: false,
                    generation: 0,
                });
                model.credentials.push(CredentialModel {
                    handle,
                    user: owner_index,
                    grant: Grant::Secret {
                        token: model.tokens.len() - 1,
                        generation: 0,
                    },
                    epoch: model.users[owner_index].disables,
                });
            }
            Ok((expect(allowed), result))
        }
        Step::Regenerate { by, token } => {
            let Some(token) = model.token(*token) else {
                return Ok(nothing_to_act_on());
            };
            let by = pick(*by);
            let t = &model.tokens[token];
            let effective: Permissions = t
                .granted
                .intersection(model.role_of(t.owner))
                .copied()
                .collect();
            let allowed = model.acting(by).is_some_and(|(held, person, acting)| {
                let own = t.owner == acting.user;
                person
                    && model.visible(&held, acting, token)
                    && ((own && held.contains(&TokensManage)) || held.contains(&UsersManage))
                    && effective.is_subset(&held)
                    && !t.revoked
            });
            let id = t.id;
            let done = system.regenerate(&model.credentials[by].handle, id).await;
            let result = done.as_ref().map(drop).map_err(Clone::clone);
            if let Ok(handle) = done {
                let t = &mut model.tokens[token];
                t.generation += 1;
                let (owner, generation) = (t.owner, t.generation);
                model.credentials.push(CredentialModel {
                    handle,
                    user: owner,
                    grant: Grant::Secret { token, generation },
                    epoch: model.users[owner].disables,
                });
            }
            Ok((expect(allowed), result))
        }
        Step::Exchange {
            subject,
            scope,
            foreign,
        } => {
            let subject = pick(*subject);
            let kind = model.credentials[subject].handle.kind;
            let acting = model.acting(subject);
            let granted = acting.as_ref().and_then(|(held, _, _)| {
                if scope.is_empty() {
                    Some(held.clone())
                } else {
                    scope.is_subset(held).then(|| scope.clone())
                }
            });
            let allowed = kind != Kind::AccessToken && granted.is_some();
            let done = system
                .exchange(&model.credentials[subject].handle, scope, *foreign)
                .await;
            let result = done.as_ref().map(drop).map_err(Clone::clone);
            if let Ok((handle, system_scope)) = done {
                let granted = granted.unwrap_or_default();
                if system_scope != granted {
                    return Err(format!(
                        "the exchange granted {system_scope:?}; the model says {granted:?}"
                    ));
                }
                let source = &model.credentials[subject];
                let parent = match source.grant {
                    Grant::Secret { token, .. } => Some(token),
                    _ => None,
                };
                let user = source.user;
                model.credentials.push(CredentialModel {
                    handle,
                    user,
                    grant: Grant::Access {
                        scope: granted,
                        parent,
                        foreign: *foreign,
                    },
                    epoch: model.users[user].disables,
                });
            }
            Ok((expect(allowed), result))
        }
        Step::Revoke { by, token } => {
            let Some(token) = model.token(*token) else {
                return Ok(nothing_to_act_on());
            };
            let by = pick(*by);
            let allowed = model.acting(by).is_some_and(|(held, _, acting)| {
                model.visible(&held, acting, token) && model.may_revoke(&held, acting, token)
            });
            let id = model.tokens[token].id;
            let done = system.revoke(&model.credentials[by].handle, id).await;
            if done.is_ok() {
                model.tokens[token].revoked = true;
            }
            Ok((expect(allowed), done))
        }
        Step::RotateKeys { by } => {
            let by = pick(*by);
            let allowed = model
                .acting(by)
                .is_some_and(|(held, person, _)| person && held.contains(&KeysManage));
            let done = system.rotate(&model.credentials[by].handle).await;
            if done.is_ok() {
                model.keys += 1;
            }
            Ok((expect(allowed), done))
        }
    }
}
