//! Shared by every stage: work over many independent items on every core.
//!
//! With the `parallel` feature (on in the command-line build) a long run of
//! items is shared among rayon's threads; a short one, and every run
//! without the feature, is worked through in order on the caller's thread,
//! so that a list of a dozen entries pays nothing for the pool. Results
//! come back in the items' order either way: the output of a run does not
//! depend on how many cores did it.

/// How many items make a run worth sharing among threads.
#[cfg_attr(not(feature = "parallel"), allow(dead_code))]
pub(crate) const MIN_ITEMS: usize = 256;

/// `f` of each item, in the items' order.
pub(crate) fn map<T, U, F>(items: &[T], f: F) -> Vec<U>
where
    T: Sync,
    U: Send,
    F: Fn(&T) -> U + Sync + Send,
{
    #[cfg(feature = "parallel")]
    if items.len() >= MIN_ITEMS {
        use rayon::prelude::*;
        return items.par_iter().map(f).collect();
    }
    items.iter().map(f).collect()
}

/// `f` on each item, in place.
pub(crate) fn for_each_mut<T, F>(items: &mut [T], f: F)
where
    T: Send,
    F: Fn(&mut T) + Sync + Send,
{
    #[cfg(feature = "parallel")]
    if items.len() >= MIN_ITEMS {
        use rayon::prelude::*;
        items.par_iter_mut().for_each(f);
        return;
    }
    items.iter_mut().for_each(f);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_however_many_there_are() {
        for n in [0, 1, MIN_ITEMS - 1, MIN_ITEMS, 10 * MIN_ITEMS + 7] {
            let items: Vec<usize> = (0..n).collect();
            assert_eq!(
                map(&items, |i| i * 3),
                (0..n).map(|i| i * 3).collect::<Vec<_>>()
            );
            let mut inplace = items.clone();
            for_each_mut(&mut inplace, |i| *i += 1);
            assert_eq!(inplace, (1..=n).collect::<Vec<_>>());
        }
    }
}
