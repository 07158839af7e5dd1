-- The registers' lists (issue 14 item 4) sort on indexed columns only: the dates (0001) and the exam's
-- name (its unique key) had theirs; 主题, 姓名, 成绩, 参加人数, the duty list's 年度 and 法律法规 and the
-- activities' 日期 and 活动名称 had none. Each with tenant_id first, as every list reads one tenant.
CREATE INDEX staff_study_topic ON staff_study_session (tenant_id, topic);
CREATE INDEX staff_exam_person ON staff_exam_result (tenant_id, person);
CREATE INDEX staff_exam_score ON staff_exam_result (tenant_id, score);
CREATE INDEX staff_training_topic ON staff_training (tenant_id, topic);
CREATE INDEX staff_training_attendees ON staff_training (tenant_id, attendees);
CREATE INDEX staff_pufa_duty_year ON staff_pufa_duty (tenant_id, year);
CREATE INDEX staff_pufa_duty_law ON staff_pufa_duty (tenant_id, law);
CREATE INDEX staff_pufa_activity_date ON staff_pufa_activity (tenant_id, date);
CREATE INDEX staff_pufa_activity_title ON staff_pufa_activity (tenant_id, title);
