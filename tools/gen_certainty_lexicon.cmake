# Turns data/certainty_cues.tsv into a C++ table (an .inc file of initializers)
# at build time, so the lexicon is compiled into the binary and nothing is read
# or parsed at analysis time.
#
#   cmake -DIN=data/certainty_cues.tsv -DOUT=build/.../certainty_cues.inc -P gen_certainty_lexicon.cmake
#
# TSV: phrase (normalized tokens separated by single spaces) <TAB> class
# (hedge|weasel|booster|negation|block) <TAB> condition <TAB> notes. Lines starting
# with '#' and blank lines are ignored. Conditions are names of the checks in
# src/extract/certainty_lexicon.h (enum class Cond); '-' means none.
if(NOT IN OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DIN=<tsv> -DOUT=<inc> -P gen_certainty_lexicon.cmake")
endif()

set(classes hedge weasel booster negation block)
set(class_enums kHedge kWeasel kBooster kNegation kBlock)
set(conds - modal ability passive quantifier vague_source weak vague_subject vague_noun degree
    vague_claimant suggest whether appear_to)
set(cond_enums kNone kModal kAbility kPassive kQuantifier kVagueSource kWeak kVagueSubject kVagueNoun
    kDegree kVagueClaimant kSuggest kWhether kAppearTo)

file(STRINGS "${IN}" lines ENCODING UTF-8)
set(body "")
set(seen "")
set(lineno 0)
foreach(line IN LISTS lines)
  math(EXPR lineno "${lineno} + 1")
  if(line MATCHES "^[ \t]*$" OR line MATCHES "^#")
    continue()
  endif()
  string(REPLACE "\t" ";" cols "${line}")
  list(LENGTH cols ncols)
  if(ncols LESS 3)
    message(FATAL_ERROR "${IN}:${lineno}: expected phrase<TAB>class<TAB>condition[<TAB>notes]")
  endif()
  list(GET cols 0 phrase)
  list(GET cols 1 cls)
  list(GET cols 2 cond)
  if(NOT phrase MATCHES "^[^ \"\\\\]+( [^ \"\\\\]+)*$")
    message(FATAL_ERROR "${IN}:${lineno}: bad phrase '${phrase}' (single spaces, no quotes/backslashes)")
  endif()
  string(REPLACE " " ";" words "${phrase}")
  list(LENGTH words nwords)
  if(nwords GREATER 6)
    message(FATAL_ERROR "${IN}:${lineno}: phrase '${phrase}' has more than 6 tokens (kMaxPhraseTokens)")
  endif()
  string(TOLOWER "${phrase}" lower)
  if(NOT lower STREQUAL phrase)
    message(FATAL_ERROR "${IN}:${lineno}: phrase '${phrase}' must be lower-case (normalized form)")
  endif()
  list(FIND classes "${cls}" ci)
  if(ci EQUAL -1)
    message(FATAL_ERROR "${IN}:${lineno}: unknown class '${cls}'")
  endif()
  list(FIND conds "${cond}" ki)
  if(ki EQUAL -1)
    message(FATAL_ERROR "${IN}:${lineno}: unknown condition '${cond}'")
  endif()
  list(FIND seen "${phrase}" dup)
  if(NOT dup EQUAL -1)
    message(FATAL_ERROR "${IN}:${lineno}: duplicate phrase '${phrase}'")
  endif()
  list(APPEND seen "${phrase}")
  list(GET class_enums ${ci} ce)
  list(GET cond_enums ${ki} ke)
  string(APPEND body
    "    {\"${phrase}\", LexClass::${ce}, Cond::${ke}, \"${cls}:${phrase}\", \"${cls}:${phrase}:not-counted\"},\n")
endforeach()

set(content "// Generated from data/certainty_cues.tsv by tools/gen_certainty_lexicon.cmake.\n// Do not edit: edit the TSV.\n${body}")
# Write only when changed, so an untouched lexicon does not trigger rebuilds.
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
  if(old STREQUAL content)
    return()
  endif()
endif()
file(WRITE "${OUT}" "${content}")
