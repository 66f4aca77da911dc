import Foundation
import KartlaggningModel

/// The areas of a report in the order it shows them, and the group (`group:` in the registry) each is listed under
/// when areas are rows. Only an order: no number changes, and a hidden figure never moves an area.
public struct AreaArrangement: Sendable, Equatable {
    /// Area values (as the cross-tabs name them), in the order shown.
    public var order: [String]
    /// Each area's group; empty when the registry has no groups. With groups, an area without one is under `other`.
    public var groups: [String: String]
    /// The group of areas the registry gives none (`Övriga`), where there are groups.
    public var other: String?

    public init(order: [String], groups: [String: String] = [:], other: String? = nil) {
        self.order = order
        self.groups = groups
        self.other = other
    }

    /// The areas as they come (registry order), no groups.
    public static func asListed(_ areas: [String]) -> AreaArrangement { AreaArrangement(order: areas) }

    /// - Parameters:
    ///   - areas: the areas in registry order (the area of no-one, `CrossSpec.unknown`, anywhere: it goes last).
    ///   - registryGroups: the registry's group of each district that has one.
    ///   - order: how to sort within a group.
    ///   - size: an area's respondents, nil where hidden.
    ///   - share: an area's share for the theme `order` names, nil where hidden.
    ///   - other: the group of areas without one, when others have one (`Övriga`).
    public static func make(
        areas: [String], registryGroups: [String: String], order: AreaOrder, size: (String) -> Int?, share: (String) -> Double?,
        other: String
    ) -> AreaArrangement {
        let listed = areas.filter { $0 != CrossSpec.unknown } + areas.filter { $0 == CrossSpec.unknown }
        let grouped = listed.contains { registryGroups[$0] != nil }
        var groups: [String: String] = [:]
        if grouped {
            for area in listed { groups[area] = registryGroups[area] ?? other }
        }
        // Groups in the order their first area comes in the registry, `other` last.
        var groupOrder: [String: Int] = [:]
        for area in listed {
            if let group = groups[area], group != other, groupOrder[group] == nil { groupOrder[group] = groupOrder.count }
        }
        let position = Dictionary(listed.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        // Shown figures first (largest first), hidden ones after in registry order.
        var figures: [String: Double] = [:]
        for area in listed {
            switch order {
            case .size: figures[area] = size(area).map(Double.init)
            case .share: figures[area] = share(area)
            case .registry, .name: break
            }
        }
        func figure(_ area: String) -> (Int, Double, Int) {
            let place = position[area] ?? 0
            switch order {
            case .registry, .name: return (0, 0, place)
            case .size, .share: return figures[area].map { (0, -$0, place) } ?? (1, 0, place)
            }
        }
        // Names' sort keys once, not at every comparison.
        let names = order == .name ? Dictionary(listed.map { ($0, swedishKey($0)) }, uniquingKeysWith: { first, _ in first }) : [:]
        func groupRank(_ area: String) -> Int { groups[area].map { groupOrder[$0] ?? groupOrder.count } ?? 0 }
        let sorted = listed.sorted { a, b in
            let (ga, gb) = (groupRank(a), groupRank(b))
            if ga != gb { return ga < gb }
            let (ua, ub) = (a == CrossSpec.unknown, b == CrossSpec.unknown)
            if ua != ub { return ub }
            if case .name = order {
                let (ka, kb) = (names[a] ?? a, names[b] ?? b)
                return ka != kb ? ka < kb : (position[a] ?? 0) < (position[b] ?? 0)
            }
            return figure(a) < figure(b)
        }
        return AreaArrangement(order: sorted, groups: groups, other: grouped ? other : nil)
    }

    /// A name's sort key as Swedish alphabetises: case folded, å ä ö after z (as their own letters), other accents
    /// folded away (é as e).
    static func swedishKey(_ name: String) -> String {
        let own = String(
            name.lowercased().map { character -> Character in
                switch character {
                case "å": "\u{7B}"
                case "ä", "æ": "\u{7C}"
                case "ö", "ø": "\u{7D}"
                default: character
                }
            })
        return own.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The group of each of `values` (nil for any not an area, such as the whole), for a grid whose columns they are.
    /// A pool of areas (`AreaPools`) is in the group all its areas share, else in the group of areas without one.
    public func groups(of values: [String], pools: AreaPools = AreaPools()) -> [String?] {
        values.map { value in
            guard let areas = pools.pools[value] else { return groups[value] }
            let shared = Set(areas.map { groups[$0] })
            return shared.count == 1 ? shared.first ?? nil : (groups.isEmpty ? nil : other)
        }
    }

    /// The order of a table's columns where some areas are pooled: the areas shown on their own as arranged, a
    /// group's pool after the last area of its group, other pools last.
    public func order(with pools: AreaPools) -> [String] {
        guard !pools.isEmpty else { return order }
        let pooled = Set(pools.pooledAreas)
        return placing(pools, among: order.filter { !pooled.contains($0) })
    }

    /// `values` (areas in this order) with the pools placed: a group's pool after the last area of its group, other
    /// pools last.
    public func placing(_ pools: AreaPools, among values: [String]) -> [String] {
        var result = values
        var last: [String] = []
        for pool in pools.order {
            let shared = Set((pools.pools[pool] ?? []).map { groups[$0] })
            if pool != pools.rest, shared.count == 1, let group = shared.first ?? nil,
                let at = result.lastIndex(where: { groups[$0] == group })
            {
                result.insert(pool, at: at + 1)
            } else {
                last.append(pool)
            }
        }
        return result + last
    }

}
