//! The histories: random sequences of steps, and how they are drawn.

use super::*;

#[derive(Debug, Clone)]
pub(crate) enum Step {
    AddRole {
        by: usize,
        permissions: Permissions,
    },
    AddUser {
        by: usize,
        role: usize,
    },
    SetRole {
        by: usize,
        user: usize,
        role: usize,
    },
    SetDisabled {
        by: usize,
        user: usize,
        disabled: bool,
    },
    Login {
        user: usize,
    },
    Create {
        by: usize,
        /// `None`: for the actor; else one of the case's own users.
        owner: Option<usize>,
        /// `None`: the owner's role.
        role: Option<usize>,
    },
    Regenerate {
        by: usize,
        token: usize,
    },
    Exchange {
        subject: usize,
        scope: Permissions,
        foreign: bool,
    },
    Revoke {
        by: usize,
        token: usize,
    },
    RotateKeys {
        by: usize,
    },
}

pub(crate) fn permission_set() -> impl Strategy<Value = Permissions> {
    proptest::sample::subsequence(Permission::ALL.to_vec(), 0..=Permission::ALL.len())
        .prop_map(|permissions| permissions.into_iter().collect())
}

pub(crate) fn step() -> impl Strategy<Value = Step> {
    let index = || 0..64usize;
    prop_oneof![
        2 => (index(), permission_set()).prop_map(|(by, permissions)| Step::AddRole { by, permissions }),
        2 => (index(), index()).prop_map(|(by, role)| Step::AddUser { by, role }),
        2 => (index(), index(), index()).prop_map(|(by, user, role)| Step::SetRole { by, user, role }),
        1 => (index(), index(), any::<bool>())
            .prop_map(|(by, user, disabled)| Step::SetDisabled { by, user, disabled }),
        2 => index().prop_map(|user| Step::Login { user }),
        4 => (index(), proptest::option::of(index()), proptest::option::of(index()))
            .prop_map(|(by, owner, role)| Step::Create { by, owner, role }),
        1 => (index(), index()).prop_map(|(by, token)| Step::Regenerate { by, token }),
        3 => (index(), permission_set(), proptest::bool::weighted(0.2))
            .prop_map(|(subject, scope, foreign)| Step::Exchange { subject, scope, foreign }),
        1 => (index(), index()).prop_map(|(by, token)| Step::Revoke { by, token }),
        1 => index().prop_map(|by| Step::RotateKeys { by }),
    ]
}

/// A history: first the first admin sets up a few roles with random
/// permissions and users holding them, each of whom logs in — so that the
/// random steps after it have actors of every shape; then the steps.
pub(crate) fn history() -> impl Strategy<Value = Vec<Step>> {
    let roles = proptest::collection::vec(permission_set(), 1..4);
    let users = proptest::collection::vec(0..8usize, 1..5);
    let steps = proptest::collection::vec(step(), 1..24);
    (roles, users, steps).prop_map(|(roles, users, steps)| {
        let builtin = 4;
        let custom = roles.len();
        let mut history: Vec<Step> = roles
            .into_iter()
            .map(|permissions| Step::AddRole { by: 0, permissions })
            .collect();
        for (number, role) in users.iter().enumerate() {
            history.push(Step::AddUser {
                by: 0,
                role: builtin + role % custom,
            });
            history.push(Step::Login { user: number + 1 });
        }
        history.extend(steps);
        history
    })
}
