//! Order-sensitive equality of models. `IndexMap`'s own `PartialEq` ignores order, which
//! would make a reorder (and a wrongly placed undo) invisible to `==`.

use super::types::Model;

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.name == other.name
            && self.organisation == other.organisation
            && self.description == other.description
            && self.goals.iter().eq(other.goals.iter())
            && self.kpis.iter().eq(other.kpis.iter())
            && self.chains.iter().eq(other.chains.iter())
            && self.departments.iter().eq(other.departments.iter())
            && self.created == other.created
            && self.modified == other.modified
            && self.origin == other.origin
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
