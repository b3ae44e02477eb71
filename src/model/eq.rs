//! Order-sensitive equality of models. `IndexMap`'s own `PartialEq` ignores order, which
//! would make a reorder (and a wrongly placed undo) invisible to `==`.

use super::types::Model;

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        // Destructured without `..`: a field added to `Model` does not compile here until it
        // is compared (the round-trip tests compare with `==`).
        let Model {
            id,
            name,
            organisation,
            description,
            goals,
            kpis,
            chains,
            departments,
            created,
            modified,
            origin,
            management_team,
            mt_meeting,
            extra,
        } = self;
        *id == other.id
            && *name == other.name
            && *organisation == other.organisation
            && *description == other.description
            && goals.iter().eq(other.goals.iter())
            && kpis.iter().eq(other.kpis.iter())
            && chains.iter().eq(other.chains.iter())
            && departments.iter().eq(other.departments.iter())
            && *created == other.created
            && *modified == other.modified
            && *origin == other.origin
            && *management_team == other.management_team
            && *mt_meeting == other.mt_meeting
            && *extra == other.extra
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Goal, Id};
    use super::*;

    #[test]
    fn order_matters() {
        let mut a = Model::default();
        for g in ["g1", "g2"] {
            let goal = Goal {
                id: Id::new(g),
                ..Goal::default()
            };
            a.goals.insert(goal.id.clone(), goal);
        }
        let mut b = a.clone();
        assert_eq!(a, b);
        b.goals.move_index(0, 1);
        assert_ne!(a, b);
    }
}
