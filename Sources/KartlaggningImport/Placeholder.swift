import KartlaggningCore; import Yams; public enum ImportPlaceholder {}
