#!/usr/bin/env bash
# The novelty campaign of issue 13 (item 5): cf search over boxes where the literature has formulas
# (deg a 1..3, deg b 2..6) for the 11 registry constants, one checkpointed run per box, all in one store.
# Run from the repository root:  nice -n 15 bash results/cf/campaign.sh          (round 2)
#                                ROUND=3 nice -n 15 bash results/cf/campaign.sh  (round 3; 4 to 17 likewise)
# Rounds 6-8 also walk the library CMFs (cf cmf search, WALKS).
# Each run's wall time goes to results/cf/campaign_times.tsv; an interrupted run is continued with
#   discover cf search ... --resume RUN_ID --store results/cf_campaign.sqlite   (run ids: discover results runs)
# Round 1 (09:53-10:09) ran the first three boxes of round 2's comment; run 4 of the store,
# --a-deg 3 --b-deg 6 --a-range -3:9 --b-range -2:2 (2.2e9 candidates, hours on one core), was stopped at
# once: continue it with --resume 4 where there is time.
set -u
# WORKERS (default 1): the workers of each cf search (round 23 ran with 2)
STORE=${CAMPAIGN_STORE:-results/cf_campaign.sqlite}
TIMES=results/cf/campaign_times.tsv
C="--constant pi --constant e --constant zeta2 --constant zeta3 --constant zeta5 --constant log2 --constant catalan --constant phi --constant sqrt2 --constant euler_gamma --constant gompertz"
ROUND=${ROUND:-2}
# every constant of the registry (discover/cf/constants.py), for rounds 5, 6 and 8
CALL=$(.venv/bin/python -c "from discover.cf.constants import REGISTRY; print(' '.join('--constant ' + n for n in REGISTRY))")
if [ "$ROUND" = 32 ]; then
  # round 32 (session 23, into a fresh store): not a box but cf eval of one family, the half-shifted continuous
  # generalisation of small Apery that H. Cohen and W. Zudilin (arXiv:2501.10090, section 7) ask to identify:
  # the tail a(n) = 44(n+1)^2 + 1 + 36z^2, b(n) = ((2n+1)^2 + 16z^2)((2n+1)^2 + 36z^2), scaled by q^2 for z = p/q
  # (integer coefficients), against the constant |G(1/4+iz/2) G(1/4+3iz/2) / (G(3/4+iz/2) G(3/4+3iz/2))|^2
  C=""
  EVALS=()
  for pq in 1/2 2/2 3/2 4/2 5/2 6/2 7/2 8/2 9/2 10/2 11/2 12/2 1/3 2/3 4/3 5/3 1/4 3/4 5/4 7/4 1/5 2/5 3/5 1/6 5/6 7/6; do
    p=${pq%/*}; q=${pq#*/}
    g="gamma(1/4+$p*I/$((2*q)))*gamma(1/4+$((3*p))*I/$((2*q)))/(gamma(3/4+$p*I/$((2*q)))*gamma(3/4+$((3*p))*I/$((2*q))))"
    EVALS+=("$((44*q*q))(n+1)^2+$((q*q+36*p*p))|($((q*q))(2n+1)^2+$((16*p*p)))($((q*q))(2n+1)^2+$((36*p*p)))|Abs($g)**2")
  done
elif [ "$ROUND" = 31 ]; then
  # round 31 (session 22, WORKERS=2, into a fresh store): round 30's two-constant combined forms for six more
  # pairs at degree (2, 4): log 2 with zeta(2), zeta(3) and Catalan; Catalan with zeta(2); log 3 with pi;
  # pi with sqrt 3 (the pairs of the classical series for pi/sqrt 3 and log 3)
  C=""
  BOXES=(
    "--constant log2 --constant zeta2 --combine --a-deg 2 --b-deg 4 --range -5:5"
    "--constant log2 --constant zeta3 --combine --a-deg 2 --b-deg 4 --range -5:5"
    "--constant catalan --constant log2 --combine --a-deg 2 --b-deg 4 --range -5:5"
    "--constant catalan --constant zeta2 --combine --a-deg 2 --b-deg 4 --range -5:5"
    "--constant log3 --constant pi --combine --a-deg 2 --b-deg 4 --range -5:5"
    "--constant pi --constant sqrt3 --combine --a-deg 2 --b-deg 4 --range -5:5"
  )
elif [ "$ROUND" = 30 ]; then
  # round 30 (session 21, WORKERS=1, into a fresh store): two-constant combined forms (--combine, each box its own
  # pair of constants), never searched in a box: limits (c0 + c1 C1 + c2 C2)/(d0 + d1 C1 + d2 C2) at degree (2, 4)
  # and in the factored (3, 6) family, where the pairs' one-constant formulas live
  C=""
  BOXES=(
    "--constant zeta2 --constant zeta3 --combine --a-deg 2 --b-deg 4 --range -5:5"
    "--constant catalan --constant pi --combine --a-deg 2 --b-deg 4 --range -5:5"
    "--constant log2 --constant pi2 --combine --a-deg 2 --b-deg 4 --range -5:5"
    "--constant log2 --constant pi --combine --a-deg 2 --b-deg 4 --range -5:5"
    "--constant zeta2 --constant zeta3 --combine --domain factored:3,6 --range -6:6 --c-range -2:2"
    "--constant catalan --constant pi --combine --domain factored:3,6 --range -6:6 --c-range -2:2"
  )
elif [ "$ROUND" = 29 ]; then
  # round 29 (session 19, WORKERS=1, into round 28's store): factored:4,8 again after the registry gained
  # zeta(4) and zeta(6) (round 28 could not match 90/pi^4 with its Moebius forms, and its x_2 range missed
  # the 6 of Euler's n^4 + (n+1)^4); x_3 = 3..5 around the symmetric 2 x_4
  C="$CALL"
  BOXES=(
    "--domain factored:4,8 --range -6:6,-6:6,-8:8,3:5,2:2 --c-range 1:1"
  )
elif [ "$ROUND" = 28 ]; then
  # round 28 (session 19, WORKERS=1, into a fresh store): factored:4,8, never searched, at the balance point
  # b(n) ~ -a(n)^2/4 (a(n) ~ 2n^4, b(n) = -(n+i)...(n+j): power-law convergence, as Ramanujan's zeta(3, x)
  # fraction at degree (3, 6) and the zeta(5) one of the Ramanujan Machine at (5, 10)); x_4 = 2, c = 1
  C="$CALL"
  BOXES=(
    "--domain factored:4,8 --range -4:4,-4:4,-4:4,-4:4,2:2 --c-range 1:1"
  )
elif [ "$ROUND" = 27 ]; then
  # round 27 (session 17, WORKERS=2): factored:3,6 with a(n) wider than round 19's -4:4 (the degree of Apery's
  # zeta(3) fraction and of the zeta(3) formula still `new`), c narrower
  C="$CALL"
  BOXES=(
    "--domain factored:3,6 --range -6:6 --c-range -2:2"
  )
elif [ "$ROUND" = 26 ]; then
  # round 26 (session 17, WORKERS=2): factored:3,8, never searched, the next degree (d, 2d + 2) after round 25's
  C="$CALL"
  BOXES=(
    "--domain factored:3,8 --range -3:3 --c-range -2:2"
  )
elif [ "$ROUND" = 25 ]; then
  # round 25 (session 17, WORKERS=2): factored:2,6, never searched: degree (d, 2d + 2) converges like a power
  # of n, as Stieltjes's trigamma fraction does (the two zeta(2) formulas placed in session 17 are of
  # degree (1, 4) and (2, 6))
  C="$CALL"
  BOXES=(
    "--domain factored:2,6 --range -8:8 --c-range -6:6"
  )
elif [ "$ROUND" = 24 ]; then
  # round 24 (session 16, WORKERS=2): factored:3,4, never searched as a factored domain (deg b < 2 deg a: the
  # factorial convergence of the Bessel-type fractions that the partner step now reaches at degree (3, <= 5))
  C="$CALL"
  BOXES=(
    "--domain factored:3,4 --range -5:5 --c-range -5:5"
  )
elif [ "$ROUND" = 23 ]; then
  # round 23 (session 16, WORKERS=2): factored:3,5 over a wider box than round 20's -3:3 (the degree of the one
  # (3, 5) formula of new.jsonl until session 16)
  C="$CALL"
  BOXES=(
    "--domain factored:3,5 --range -4:4 --c-range -4:4"
  )
elif [ "$ROUND" = 22 ]; then
  # round 22 (session 12, beside round 21 on the second core, into its own store): factored:2,3 wider than
  # round 19 (which saw 4 of the `new` of session 11)
  C="$CALL"
  BOXES=(
    "--domain factored:2,3 --range -14:14 --c-range -12:12"
  )
elif [ "$ROUND" = 21 ]; then
  # round 21 (session 12): factored:2,4 over a wider coefficient box than round 19 (which saw 2 of the
  # `new` of session 11), then five factors with a linear a(n)
  C="$CALL"
  BOXES=(
    "--domain factored:2,4 --range -12:12 --c-range -12:12"
    "--domain factored:1,5 --range -20:20 --c-range -8:8"
  )
elif [ "$ROUND" = 20 ]; then
  # round 20 (session 11): factored domains with five linear factors in b(n)
  C="$CALL"
  BOXES=(
    "--domain factored:2,5 --range -6:6 --c-range -4:4"
    "--domain factored:3,5 --range -3:3 --c-range -3:3"
  )
elif [ "$ROUND" = 19 ]; then
  # round 19 (session 11): the factored domains (cf search --domain factored:A,B: any a(n), b(n) = -c times B
  # linear factors n+k, 2n+k), every registry constant, into the store of round 18
  C="$CALL"
  BOXES=(
    "--domain factored:1,4 --range -20:20 --c-range -16:16"
    "--domain factored:2,4 --range -8:8 --c-range -8:8"
    "--domain factored:2,3 --range -10:10 --c-range -9:9"
    "--domain factored:3,6 --range -4:4 --c-range -4:4"
  )
elif [ "$ROUND" = 18 ]; then
  # round 18 (session 11): the registry grew to 58 constants (Dirichlet L-values L(2, chi_-3), L(2, chi_-7),
  # L(2, chi_-8), beta(4); Li_2(1/4)); run into a fresh store (CAMPAIGN_STORE=results/cf_campaign_s11.sqlite:
  # the first one was not kept) and exported with --base. Degree (1, 4), never searched as a box (two of the
  # ten `new` of session 7 are of that degree), and the Catalan-type domain with b(n) = -c n^4 of either sign
  C="$CALL"
  BOXES=(
    "--a-deg 1 --b-deg 4 --a-range -10:10 --b-range 0:5"
    "--a-deg 1 --b-deg 4 --a-range -10:10 --b-range -5:0"
    "--domain catalan --range -40:40 --c-range -128:128"
    "--a-deg 1 --b-deg 4 --a-range -6:6 --b-range -4:4"
  )
elif [ "$ROUND" = 17 ]; then
  # round 17 (session 7): round 16's domains were small (38,416 to 1.1 million candidates, seconds to
  # minutes), so far wider ones: c up to 64 where the degree allows, symmetric:5 and :6 for the first time
  C=""
  BOXES=(
    "--domain symmetric:3 --range -40:40 --c-range 1:64 $CALL"
    "--domain symmetric:4 --range -12:12 --c-range 1:32 $CALL"
    "--domain zeta5 --range -30:30 --c-range 1:16 $CALL"
    "--domain symmetric:5 --range -10:10 --c-range 1:16 $CALL"
    "--domain catalan --range -60:60 --c-range 1:64 $CALL"
    "--domain symmetric:6 --range -6:6 --c-range 1:8 $CALL"
  )
elif [ "$ROUND" = 16 ]; then
  # round 16 (session 7): the structured domains of round 13 wider (every registry constant): larger
  # coefficient ranges for zeta3-product, symmetric:2, symmetric:3 and zeta5, and symmetric:4 for the first time
  C=""
  BOXES=(
    "--domain symmetric:2 --range -24:24 --c-range 1:16 $CALL"
    "--domain zeta5 --range -16:16 --c-range 1:8 $CALL"
    "--domain symmetric:4 --range -4:4 --c-range 1:4 $CALL"
    "--domain symmetric:3 --range -12:12 --c-range 1:8 $CALL"
    "--domain zeta3-product --range -10:10 --c-range 1:12 $CALL"
  )
elif [ "$ROUND" = 15 ]; then
  # round 15 (session 4): the 2F1 CMF from further starts, zeta(3)'s from [7, 9]^2, pi's longer trajectories
  # from [10, 12]^2
  WALKS=(
    "--cmf 2F1 --max-step 3 --start-min 5 --start-max 8 --depth 500"
    "--cmf zeta3 --max-step 4 --start-min 7 --start-max 9 --depth 500"
    "--cmf pi --max-step 6 --start-min 10 --start-max 12 --depth 500"
  )
  BOXES=()
elif [ "$ROUND" = 14 ]; then
  # round 14 (session 4): walks on the library CMFs from starts not walked yet (pi and e from [8, 12]^2, zeta(3)
  # to max step 4, the 2F1 and 3F2 CMFs to max step 3), then degree-(2, 4) boxes with every constant
  WALKS=(
    "--cmf pi --max-step 5 --start-min 8 --start-max 12 --depth 500"
    "--cmf e --max-step 5 --start-min 8 --start-max 12 --depth 500"
    "--cmf zeta3 --max-step 4 --start-min 1 --start-max 6 --depth 500"
    "--cmf 2F1 --max-step 3 --start-min 1 --start-max 4 --depth 500"
    "--cmf 3F2 --max-step 3 --start-min 1 --start-max 3 --depth 500"
  )
  C="$CALL"
  BOXES=(
    "--a-deg 2 --b-deg 4 --a-range 0:12 --b-range -4:0"
    "--a-deg 2 --b-deg 4 --a-range -8:8 --b-range -2:2"
  )
elif [ "$ROUND" = 13 ]; then
  # round 13 (session 4): the Ramanujan Machine's structured domains (cf search --domain) with every registry
  # constant, wider than their published runs: zeta3-type a(n) = p(n) + p(n+1), b = -c n^6; zeta5-type
  # b = -c n^10; Catalan-type b = -c n^4; the symmetric families of degree 1..4; Zeta3Domain1
  C=""
  BOXES=(
    "--domain zeta3 --range -40:40 --c-range 1:16 $CALL"
    "--domain catalan --range -24:24 --c-range 1:16 $CALL"
    "--domain symmetric:1 --range -24:24 --c-range 1:16 $CALL"
    "--domain symmetric:2 --range -12:12 --c-range 1:8 $CALL"
    "--domain zeta3-product --range -6:6 --c-range 1:8 $CALL"
    "--domain zeta5 --range -8:8 --c-range 1:4 $CALL"
    "--domain symmetric:3 --range -6:6 --c-range 1:4 $CALL"
    "--domain zeta3 --range -40:40 --c-range 1:16 --combine"
  )
elif [ "$ROUND" = 12 ]; then
  # round 12: round 11's starts with longer trajectories (e up to max step 6, pi up to 5)
  WALKS=(
    "--cmf e --max-step 6 --start-min 1 --start-max 7 --depth 500"
    "--cmf pi --max-step 5 --start-min 1 --start-max 7 --depth 500"
  )
  BOXES=()
elif [ "$ROUND" = 11 ]; then
  # round 11: the pi and e CMFs from every start in [1, 7]^2 (rounds 6-8 took the diagonal blocks [1, 3]^2,
  # [4, 6]^2, [7, 9]^2; walks already stored are stored once), trajectories up to max step 4
  WALKS=(
    "--cmf pi --max-step 4 --start-min 1 --start-max 7 --depth 500"
    "--cmf e --max-step 4 --start-min 1 --start-max 7 --depth 500"
  )
  BOXES=()
elif [ "$ROUND" = 10 ]; then
  # round 10: the longer trajectories (max step 6) from round 7-8's starts, zeta(3)'s up to max step 5
  WALKS=(
    "--cmf pi --max-step 6 --start-min 4 --start-max 6 --depth 500"
    "--cmf e --max-step 6 --start-min 4 --start-max 6 --depth 500"
    "--cmf pi --max-step 6 --start-min 7 --start-max 9 --depth 500"
    "--cmf e --max-step 6 --start-min 7 --start-max 9 --depth 500"
    "--cmf zeta3 --max-step 5 --start-min 1 --start-max 3 --depth 500"
    "--cmf zeta3 --max-step 5 --start-min 4 --start-max 6 --depth 500"
  )
  BOXES=()
elif [ "$ROUND" = 9 ]; then
  # round 9: the pi and e CMFs' walks along trajectories with negative coordinates (--negative), and longer
  # ones (max step 6), from the starts of rounds 6-7
  WALKS=(
    "--cmf pi --max-step 4 --negative --start-min 1 --start-max 3 --depth 500"
    "--cmf e --max-step 4 --negative --start-min 1 --start-max 3 --depth 500"
    "--cmf pi --max-step 6 --start-min 1 --start-max 3 --depth 500"
    "--cmf e --max-step 6 --start-min 1 --start-max 3 --depth 500"
    "--cmf pi --max-step 4 --negative --start-min 4 --start-max 6 --depth 500"
    "--cmf e --max-step 4 --negative --start-min 4 --start-max 6 --depth 500"
  )
  BOXES=()
elif [ "$ROUND" = 8 ]; then
  # round 8: the walks of round 7 from further starts (7..9, 10..12), and two degree-2/4 boxes with all 53
  # constants where Euler-type fractions of series (b = -c n^4 and b > 0) live
  WALKS=(
    "--cmf pi --max-step 5 --start-min 7 --start-max 9 --depth 500"
    "--cmf e --max-step 5 --start-min 7 --start-max 9 --depth 500"
    "--cmf zeta3 --max-step 3 --start-min 7 --start-max 9 --depth 500"
    "--cmf pi --max-step 5 --start-min 10 --start-max 12 --depth 500"
    "--cmf e --max-step 5 --start-min 10 --start-max 12 --depth 500"
    "--cmf zeta3 --max-step 3 --start-min 10 --start-max 12 --depth 500"
  )
  BOXES=(
    "$CALL --a-deg 2 --b-deg 4 --a-range 0:8 --b-range -4:0"
    "$CALL --a-deg 2 --b-deg 4 --a-range 0:8 --b-range 0:4"
  )
  C=""
elif [ "$ROUND" = 7 ]; then
  # round 7: round 6's higher-degree boxes added 15 formulas (a1 b3, a3 b6: none new to the store); more
  # library-CMF walks, from starts disjoint from round 6's (coordinates 4..6), longer trajectories
  WALKS=(
    "--cmf pi --max-step 5 --start-min 4 --start-max 6 --depth 500"
    "--cmf e --max-step 5 --start-min 4 --start-max 6 --depth 500"
    "--cmf zeta3 --max-step 3 --start-min 4 --start-max 6 --depth 500"
    "--cmf 2F1 --max-step 2 --start-min 3 --start-max 4 --depth 500"
  )
  BOXES=()
elif [ "$ROUND" = 6 ]; then
  # round 6: round 5 ran its first box (run 18, a1 b2 -12:12, 53 constants) and was stopped, the rest
  # being too large for the share of a core a nice-15 job gets on the shared machine (about 10%). Degree
  # 1/2 and 1/3 boxes with the 34 constants that such fractions (ratios of 2F1 and 1F1) can reach, the
  # higher degrees with all 53; first the library CMFs' trajectories (cf cmf search: each walk a formula,
  # on a library CMF by construction)
  C1=""
  for c in pi pi2 e e2 e3 sqrt_e cbrt_e e_1_4 e_pi log2 log3 log5 log7 gompertz phi sqrt2 sqrt3 sqrt5 sqrt7 \
           cbrt2 tan1 cot1 sin1 cos1 atan_1_2 i0_i1_2 i1_i2_2 i2_i3_2 i0_i1_1 j0_j1_2 asinh1 log_phi erf1 ei1; do
    C1="$C1 --constant $c"
  done
  WALKS=(
    "--cmf pi --max-step 4 --start-min 1 --start-max 3 --depth 500"
    "--cmf e --max-step 4 --start-min 1 --start-max 3 --depth 500"
    "--cmf zeta3 --max-step 3 --start-min 1 --start-max 3 --depth 500"
    "--cmf 2F1 --max-step 2 --start-min 1 --start-max 2 --depth 500"
    "--cmf 3F2 --max-step 2 --start-min 1 --start-max 2 --depth 500"
  )
  BOXES=(
    "$C1 --a-deg 1 --b-deg 3 --a-range -8:8 --b-range -4:4"
    "$CALL --a-deg 2 --b-deg 4 --a-range -3:3 --b-range -2:2"
    "$CALL --a-deg 2 --b-deg 4 --a-range 0:6 --b-range -4:0"
    "$CALL --a-deg 2 --b-deg 3 --a-range -5:5 --b-range -3:3"
    "$CALL --a-deg 3 --b-deg 6 --a-range 0:5 --b-range -1:1"
    "$C1 --a-deg 1 --b-deg 2 --a-range -16:16 --b-range -10:10"
  )
  C=""
elif [ "$ROUND" = 5 ]; then
  # round 5: every one of the registry's constants (discover/cf/constants.py; the 11 above saturated after
  # 285 formulas), the degree-1/2 and 1/3 boxes where 2F1/1F1 ratios give formulas of log k, e^k, e^(1/k),
  # Bessel ratios, tan(1), atan(1/2), sqrt k, ..., then higher degrees
  C="$CALL"
  BOXES=(
    "--a-deg 1 --b-deg 2 --range -12:12"
    "--a-deg 1 --b-deg 3 --a-range -8:8 --b-range -4:4"
    "--a-deg 1 --b-deg 2 --a-range -30:30 --b-range -16:16"
    "--a-deg 2 --b-deg 3 --a-range -6:6 --b-range -4:4"
    "--a-deg 2 --b-deg 4 --a-range -4:4 --b-range -3:3"
    "--a-deg 3 --b-deg 6 --a-range 0:6 --b-range -1:1"
    "--a-deg 1 --b-deg 2 --a-range -40:40 --b-range -24:24"
  )
elif [ "$ROUND" = 2 ]; then
  BOXES=(
    # round 1: "--a-deg 1 --b-deg 2 --range -12:12", "--a-deg 2 --b-deg 3 --a-range -5:5 --b-range -5:5",
    #          "--a-deg 2 --b-deg 4 --a-range -4:4 --b-range -4:4"
    "--a-deg 2 --b-deg 4 --a-range 0:6 --b-range -6:0"
    "--a-deg 3 --b-deg 4 --a-range -2:2 --b-range -2:2"
    "--a-deg 3 --b-deg 6 --a-range 0:6 --b-range -1:0"
    "--a-deg 2 --b-deg 5 --a-range -2:2 --b-range -2:2"
    "--a-deg 1 --b-deg 2 --a-range -20:20 --b-range -12:12"
    "--a-deg 1 --b-deg 3 --a-range -8:8 --b-range -4:4"
    "--a-deg 2 --b-deg 4 --a-range -6:6 --b-range -3:3"
  )
else
  # round 3 (ROUND=3) ran its first box, "--a-deg 2 --b-deg 3 --a-range -8:8 --b-range -4:4"; the low
  # degrees had saturated (round 2's last box, 37e6 candidates, added 4 formulas), so round 4 (ROUND=4)
  # favours the higher degrees where the literature's zeta(2), zeta(3) and Catalan formulas live
  BOXES=(
    "--a-deg 3 --b-deg 6 --a-range 0:8 --b-range -1:1"
    "--a-deg 2 --b-deg 4 --a-range 0:10 --b-range -3:3"
    "--a-deg 3 --b-deg 5 --a-range -2:4 --b-range -2:2"
    "--a-deg 2 --b-deg 4 --a-range 0:8 --b-range 0:8"
    "--a-deg 1 --b-deg 2 --a-range -30:30 --b-range -16:16"
  )
fi
[ -f "$TIMES" ] || printf 'command\tseconds\texit\n' > "$TIMES"
for walk in "${WALKS[@]+"${WALKS[@]}"}"; do
  cmd="discover cf cmf search $walk --workers 1 --store $STORE"
  start=$(date +%s)
  .venv/bin/$cmd --json > "/tmp/campaign_cmf_$(echo "$walk" | tr -c 'a-z0-9' '_').jsonl" 2>> /tmp/campaign.err
  rc=$?
  printf '%s\t%s\t%s\n' "$cmd" "$(( $(date +%s) - start ))" "$rc" >> "$TIMES"
done
for ev in "${EVALS[@]+"${EVALS[@]}"}"; do
  IFS='|' read -r a b const <<< "$ev"
  start=$(date +%s)
  .venv/bin/discover cf eval "$a" "$b" --constants "$const" --depth 600 --store "$STORE" --json >> /tmp/campaign_evals.jsonl \
    2>> /tmp/campaign.err
  rc=$?
  printf '%s\t%s\t%s\n' "discover cf eval \"$a\" \"$b\" --constants \"$const\" --depth 600 --store $STORE" \
    "$(( $(date +%s) - start ))" "$rc" >> "$TIMES"
done
for box in "${BOXES[@]+"${BOXES[@]}"}"; do
  cmd="discover cf search $C $box --workers ${WORKERS:-1} --store $STORE"
  start=$(date +%s)
  .venv/bin/$cmd --json > "/tmp/campaign_$(echo "$box" | tr -c 'a-z0-9' '_' | tail -c 80).jsonl" 2>> /tmp/campaign.err
  rc=$?
  printf '%s\t%s\t%s\n' "$cmd" "$(( $(date +%s) - start ))" "$rc" >> "$TIMES"
done
