;; Counts the plain records of a chunk of a challenge CSV: the lines that can hold no warning
;; (plain-records.ts says which). Built into plain-records-wasm.ts by `npm run build:wasm`.
;;
;; Memory: bytes 0..1023 hold the column types (0 text, 1 integer, 2 decimal); the chunk is copied
;; at 1024, with 16 bytes of room after it for the vector loads that run past its end.
;;
;; The chunk is read 64 bytes at a time. Four 16-byte vector compares give, as bit masks, where
;; the field ends are ("|", "\n", "\r") and which bytes cannot start a plain field; one AND finds
;; every empty field, quoted or space-led field and "\r" of the 64 bytes at once. Then only the
;; field ends are visited, one bit each: text fields cost nothing more, numeric fields one vector
;; check. A line is counted at its "\n"; the first line that breaks a rule or is cut by the chunk's
;; end stops the count, and the byte machine takes it from there.
(module
  (memory (export "memory") 1)
  (global $records (export "records") (mut i32) (i32.const 0))

  ;; Counts the plain records from $from (where a record starts) up to $end. Returns where the
  ;; counted records end; the count is in the global "records".
  (func (export "plain") (param $from i32) (param $end i32) (param $columns i32) (result i32)
    (local $last i32) (local $count i32) (local $base i32) (local $fieldStart i32)
    (local $column i32) (local $lastColumn i32) (local $at i32) (local $e i32) (local $type i32)
    (local $newline i32) (local $final i32) (local $i i32)
    (local $ends i64) (local $lines i64) (local $badStart i64) (local $cr i64) (local $starts i64)
    (local $carry i64) (local $keep i64) (local $bad i64)
    (local $bytes v128) (local $length i32) (local $first i32) (local $minus i32) (local $field i32)
    (local $allowed i32) (local $dots i32) (local $dot i32)
    (local.set $last (local.get $from))
    (local.set $base (local.get $from))
    (local.set $fieldStart (local.get $from))
    (local.set $lastColumn (i32.sub (local.get $columns) (i32.const 1)))
    (local.set $carry (i64.const 1)) ;; a field starts at $from
    (block $stop
      (loop $block
        (br_if $stop (i32.ge_u (local.get $base) (local.get $end)))
        ;; The masks of the 64 bytes at $base, 16 at a time.
        (local.set $ends (i64.const 0))
        (local.set $lines (i64.const 0))
        (local.set $badStart (i64.const 0))
        (local.set $cr (i64.const 0))
        (local.set $i (i32.const 0))
        (loop $quarter
          (local.set $bytes (v128.load (i32.add (local.get $base) (local.get $i))))
          (local.set $lines (i64.or (local.get $lines)
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $bytes) (v128.const i8x16 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a)))) (i64.extend_i32_u (local.get $i)))))
          (local.set $cr (i64.or (local.get $cr)
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $bytes) (v128.const i8x16 0x0d 0x0d 0x0d 0x0d 0x0d 0x0d 0x0d 0x0d 0x0d 0x0d 0x0d 0x0d 0x0d 0x0d 0x0d 0x0d)))) (i64.extend_i32_u (local.get $i)))))
          (local.set $ends (i64.or (local.get $ends)
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $bytes) (v128.const i8x16 0x7c 0x7c 0x7c 0x7c 0x7c 0x7c 0x7c 0x7c 0x7c 0x7c 0x7c 0x7c 0x7c 0x7c 0x7c 0x7c)))) (i64.extend_i32_u (local.get $i)))))
          (local.set $badStart (i64.or (local.get $badStart)
            (i64.shl
              (i64.extend_i32_u
                (i8x16.bitmask
                  (v128.or
                    (i8x16.eq (local.get $bytes) (v128.const i8x16 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22))
                    (i8x16.eq (local.get $bytes) (v128.const i8x16 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20)))))
              (i64.extend_i32_u (local.get $i)))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br_if $quarter (i32.lt_u (local.get $i) (i32.const 64))))
        (local.set $ends (i64.or (i64.or (local.get $ends) (local.get $lines)) (local.get $cr)))
        ;; A field starts after every field end. Bad: an empty field (a start that is an end),
        ;; a start that is '"' or a space, and any "\r".
        (local.set $starts (i64.or (i64.shl (local.get $ends) (i64.const 1)) (local.get $carry)))
        (local.set $carry (i64.shr_u (local.get $ends) (i64.const 63)))
        (local.set $bad
          (i64.or
            (i64.and (local.get $starts) (i64.or (local.get $ends) (local.get $badStart)))
            (local.get $cr)))
        ;; Only the bits before the chunk's end and before the first bad byte count.
        (local.set $keep (i64.const -1))
        (local.set $final (i32.const 0))
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $base)) (i32.const 64))
          (then
            (local.set $keep
              (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (i32.sub (local.get $end) (local.get $base)))) (i64.const 1)))
            (local.set $final (i32.const 1))))
        (local.set $bad (i64.and (local.get $bad) (local.get $keep)))
        (if (i64.ne (local.get $bad) (i64.const 0))
          (then
            (local.set $keep
              (i64.and (local.get $keep) (i64.sub (i64.shl (i64.const 1) (i64.ctz (local.get $bad))) (i64.const 1))))
            (local.set $final (i32.const 1))))
        (local.set $ends (i64.and (local.get $ends) (local.get $keep)))
        ;; Each field end in turn: "|" after every column but the last, "\n" after it.
        (block $blockDone
          (loop $field
            (br_if $blockDone (i64.eqz (local.get $ends)))
            (local.set $at (i32.wrap_i64 (i64.ctz (local.get $ends))))
            (local.set $ends (i64.and (local.get $ends) (i64.sub (local.get $ends) (i64.const 1))))
            (local.set $e (i32.add (local.get $base) (local.get $at)))
            (local.set $type (i32.load8_u (local.get $column)))
            (if (local.get $type)
              (then
                ;; A number as the byte machine accepts it: "\N", or -?[0-9]+ with (\.[0-9]+)? in
                ;; a decimal column. Fields over 16 bytes are left to the machine.
                (local.set $length (i32.sub (local.get $e) (local.get $fieldStart)))
                (local.set $first (i32.load8_u (local.get $fieldStart)))
                (block $number
                  (br_if $number
                    (i32.and
                      (i32.eq (local.get $length) (i32.const 2))
                      (i32.and
                        (i32.eq (local.get $first) (i32.const 0x5c))
                        (i32.eq (i32.load8_u offset=1 (local.get $fieldStart)) (i32.const 0x4e)))))
                  (br_if $stop (i32.gt_u (local.get $length) (i32.const 16)))
                  (local.set $bytes (v128.load (local.get $fieldStart)))
                  (local.set $minus (i32.eq (local.get $first) (i32.const 0x2d)))
                  (local.set $field (i32.sub (i32.shl (i32.const 1) (local.get $length)) (i32.const 1)))
                  ;; digits, and a leading minus
                  (local.set $allowed
                    (i32.or
                      (i8x16.bitmask
                        (i8x16.lt_u
                          (i8x16.sub (local.get $bytes) (v128.const i8x16 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30 0x30))
                          (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10)))
                      (local.get $minus)))
                  (if (i32.eq (local.get $type) (i32.const 2))
                    (then
                      ;; at most one dot, with a digit on each side of it
                      (local.set $dots
                        (i32.and
                          (i8x16.bitmask (i8x16.eq (local.get $bytes) (v128.const i8x16 0x2e 0x2e 0x2e 0x2e 0x2e 0x2e 0x2e 0x2e 0x2e 0x2e 0x2e 0x2e 0x2e 0x2e 0x2e 0x2e)))
                          (local.get $field)))
                      (if (local.get $dots)
                        (then
                          (local.set $dot (i32.ctz (local.get $dots)))
                          (br_if $stop
                            (i32.or
                              (i32.ne (i32.popcnt (local.get $dots)) (i32.const 1))
                              (i32.or
                                (i32.le_u (local.get $dot) (local.get $minus))
                                (i32.ge_u (local.get $dot) (i32.sub (local.get $length) (i32.const 1))))))
                          (local.set $allowed (i32.or (local.get $allowed) (local.get $dots)))))))
                  (br_if $stop (i32.ne (i32.and (local.get $allowed) (local.get $field)) (local.get $field)))
                  (br_if $stop (i32.le_u (local.get $length) (local.get $minus))))))
            (local.set $newline (i32.wrap_i64 (i64.and (i64.shr_u (local.get $lines) (i64.extend_i32_u (local.get $at))) (i64.const 1))))
            (br_if $stop (i32.ne (local.get $newline) (i32.eq (local.get $column) (local.get $lastColumn))))
            (local.set $fieldStart (i32.add (local.get $e) (i32.const 1)))
            (if (local.get $newline)
              (then
                (local.set $count (i32.add (local.get $count) (i32.const 1)))
                (local.set $last (local.get $fieldStart))
                (local.set $column (i32.const 0)))
              (else (local.set $column (i32.add (local.get $column) (i32.const 1)))))
            (br $field)))
        (br_if $stop (local.get $final))
        (local.set $base (i32.add (local.get $base) (i32.const 64)))
        (br $block)))
    (global.set $records (local.get $count))
    (local.get $last))
)
