import Model
import Records

extension RuleID {
    /// The check column of the one table of gap rules (`RuleID.row` in Records holds the clauses, default level and
    /// summary): the function that finds this rule's gaps. An exhaustive switch, so an id without a check does not
    /// compile.
    var check: @Sendable (CheckContext) -> [Finding] {
        switch self {
        case .T1: TestRules.t1
        case .T2: TestRules.t2
        case .R1: RiskRules.r1
        case .R2: RiskRules.r2
        case .R3: RiskRules.r3
        case .R4: RiskRules.r4
        case .R5: RiskRules.r5
        case .R6: RiskRules.r6
        case .R7: RiskRules.r7
        case .C1: ChangeRules.c1
        case .C2: ChangeRules.c2
        case .C5: ChangeRules.c5
        case .C6: ChangeRules.c6
        case .C8: ChangeRules.c8
        case .G1: IntegrityRules.g1
        case .G2: IntegrityRules.g2
        case .G3: IntegrityRules.g3
        case .G4: IntegrityRules.g4
        case .G5: IntegrityRules.g5
        case .S1: SOUPRules.s1
        case .S4: SOUPRules.s4
        case .S5: SOUPRules.s5
        case .S6: SOUPRules.s6
        case .X1: ThreatRules.x1
        case .X2: ThreatRules.x2
        case .X3: ThreatRules.x3
        case .X5: ThreatRules.x5
        case .X6: CVSSRule.x6
        case .A2: TestRules.a2
        case .D1: DeviceRules.d1
        case .I1: IdentificationRules.i1
        case .I2: IdentificationRules.i2
        case .I3: IdentificationRules.i3
        }
    }
}
